package org.servicedesk.ticket;

import java.time.Instant;
import java.util.Optional;

/** The survey feature's answer for a ticket, shown with the ticket. */
public interface SurveyResults {

    Optional<Result> of(Long ticketId);

    record Result(String status, Instant sentAt, Instant answeredAt, Integer responseSpeed,
            Integer resolutionEfficiency, Integer attitude, Integer effectiveness, Integer overall, String comment) {
    }
}
