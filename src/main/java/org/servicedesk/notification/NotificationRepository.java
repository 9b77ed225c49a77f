package org.servicedesk.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByDedupeKey(String dedupeKey);

    List<Notification> findByTicketIdOrderByIdAsc(Long ticketId);

    /**
     * Rows due for an attempt, locked; rows another node is taking are skipped. Due: pending and
     * past their back-off, or left SENDING since before {@code staleBefore} by a dispatcher that died.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select n from Notification n"
            + " where (n.status = org.servicedesk.notification.NotificationStatus.PENDING and n.nextAttemptAt <= :now)"
            + " or (n.status = org.servicedesk.notification.NotificationStatus.SENDING and n.sendingSince < :staleBefore)"
            + " order by n.id")
    List<Notification> lockDue(@Param("now") Instant now, @Param("staleBefore") Instant staleBefore, Pageable page);

    /** Delivered or given-up messages created before {@code before} that still have their content. */
    @Query("select n from Notification n where n.contentRemovedAt is null and n.createdAt < :before"
            + " and n.status in (org.servicedesk.notification.NotificationStatus.SENT,"
            + " org.servicedesk.notification.NotificationStatus.FAILED) order by n.id")
    List<Notification> pastRetention(@Param("before") Instant before, Pageable page);

    /** In-app notifications addressed to the user or to one of their groups, newest first. */
    @Query("select n from Notification n where n.channel = org.servicedesk.notification.NotificationChannel.IN_APP"
            + " and ((n.recipientKind = org.servicedesk.notification.RecipientKind.USER and n.recipient = :userId)"
            + " or (n.recipientKind = org.servicedesk.notification.RecipientKind.GROUP and n.recipient in :groupIds))"
            + " order by n.createdAt desc, n.id desc")
    List<Notification> inbox(@Param("userId") String userId, @Param("groupIds") Collection<String> groupIds,
            Pageable page);
}
