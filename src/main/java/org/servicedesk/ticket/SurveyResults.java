package org.servicedesk.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The survey feature's answer for a ticket, shown with the ticket. */
public interface SurveyResults {

    Optional<Result> of(Long ticketId);

    /** The overall score (1–5) of each of these tickets whose survey was answered, by ticket id, in one query. */
    Map<Long, Integer> overallScores(Collection<Long> ticketIds);

    record Result(String status, Instant sentAt, Instant answeredAt, Integer responseSpeed,
            Integer resolutionEfficiency, Integer attitude, Integer effectiveness, Integer overall, String comment) {
    }
}
