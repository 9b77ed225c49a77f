package org.servicedesk.ticket;

import java.time.Instant;
import java.util.List;

import org.servicedesk.security.Masking;

/** A ticket as the API shows it: the customer masked, the timeline in full. */
public record TicketView(
        String number,
        TicketStatus status,
        Integer currentTier,
        String handler,
        String queue,
        Channel channel,
        Category category,
        Priority priority,
        String subject,
        String description,
        String product,
        String orderNumber,
        Customer customer,
        String responseTarget,
        String resolutionTarget,
        Instant createdAt,
        Instant responseDueAt,
        Instant resolutionDueAt,
        Instant firstRespondedAt,
        Instant solutionSentAt,
        Instant closedAt,
        CloseReason closeReason,
        Integer resolvedTier,
        String resolution,
        List<ServiceLevels.Clock> clocks,
        List<Event> timeline,
        SurveyResults.Result survey) {

    public record Customer(Long id, String name, String phone, String email, String tier) {
    }

    public record Event(Instant at, String actor, String action, String detail) {
    }

    static TicketView of(Ticket t, List<TicketEvent> events, List<ServiceLevels.Clock> clocks,
            SurveyResults.Result survey) {
        return new TicketView(t.getNumber(), t.getStatus(), t.getCurrentTier(), t.getHandler(), t.getQueue(),
                t.getChannel(), t.getCategory(), t.getPriority(), t.getSubject(), t.getDescription(), t.getProduct(),
                Masking.reference(t.getOrderNumber()),
                new Customer(t.getCustomerId(), Masking.name(t.getContactName()), Masking.phone(t.getContactPhone()),
                        Masking.email(t.getContactEmail()), t.getCustomerTier()),
                t.getResponseTarget(), t.getResolutionTarget(), t.getCreatedAt(), t.getResponseDueAt(),
                t.getResolutionDueAt(), t.getFirstRespondedAt(), t.getSolutionSentAt(), t.getClosedAt(),
                t.getCloseReason(), t.getResolvedTier(), t.getResolution(), clocks,
                events.stream().map(e -> new Event(e.getOccurredAt(), e.getActor(), e.getAction(), e.getDetail()))
                        .toList(),
                survey);
    }
}
