package org.servicedesk.notification;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationReadRepository extends JpaRepository<NotificationRead, Long> {

    boolean existsByNotificationIdAndUserId(Long notificationId, String userId);

    List<NotificationRead> findByUserIdAndNotificationIdIn(String userId, Collection<Long> notificationIds);
}
