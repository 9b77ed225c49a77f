package org.servicedesk.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.servicedesk.system.ServiceDeskProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's service history for the agent: their tickets (number, date, subject, status, close
 * reason, overall survey score), latest first. No contact details; any in a subject are masked.
 */
@Service
class CustomerHistory {

    /** At most this many tickets are shown. */
    static final int LIMIT = 50;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final TicketRepository tickets;

    private final SurveyResults surveys;

    private final ZoneId zone;

    CustomerHistory(TicketRepository tickets, SurveyResults surveys, ServiceDeskProperties properties) {
        this.tickets = tickets;
        this.surveys = surveys;
        this.zone = properties.zone();
    }

    /** One earlier ticket. {@code closeReason} and {@code surveyOverall} (1–5) are null when there is none. */
    record Entry(String number, Instant createdAt, String subject, String status, String closeReason,
            Integer surveyOverall) {
    }

    /** The customer's tickets, latest first, without {@code exceptTicketId} (the ticket at hand). */
    @Transactional(readOnly = true)
    List<Entry> of(Long customerId, Long exceptTicketId) {
        if (customerId == null) {
            return List.of();
        }
        List<Ticket> earlier = tickets.findTop50ByCustomerIdOrderByCreatedAtDescIdDesc(customerId).stream()
                .filter(ticket -> !Objects.equals(ticket.getId(), exceptTicketId))
                .toList();
        // one query for all their surveys, not one per ticket (a returning customer has up to 50)
        Map<Long, Integer> scores = surveys.overallScores(earlier.stream().map(Ticket::getId).toList());
        return earlier.stream().map(ticket -> entry(ticket, scores.get(ticket.getId()))).toList();
    }

    /** The history as a Markdown list for a task form. */
    String asMarkdown(Long customerId, Long exceptTicketId) {
        List<Entry> entries = of(customerId, exceptTicketId);
        if (entries.isEmpty()) {
            return "No earlier tickets.";
        }
        return entries.stream()
                .map(e -> "- " + e.number() + " · " + DAY.format(e.createdAt().atZone(zone)) + " · "
                        + oneLine(e.subject()) + " · " + e.status()
                        + (e.closeReason() == null ? "" : " (" + e.closeReason() + ")")
                        + (e.surveyOverall() == null ? "" : " · survey " + e.surveyOverall() + "/5"))
                .collect(Collectors.joining("\n"));
    }

    private Entry entry(Ticket ticket, Integer overall) {
        return new Entry(ticket.getNumber(), ticket.getCreatedAt(), PersonalText.mask(ticket.getSubject(), ticket),
                ticket.getStatus().name(),
                ticket.getCloseReason() == null ? null : ticket.getCloseReason().name(), overall);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
