package org.servicedesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.servicedesk.privacy.Masking;

/** A ticket as the API shows it: the customer masked (unless a role that may see them asks), the timeline in full. */
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

    /**
     * The ticket masked, as every role sees it: name, phone, e-mail and order number masked, and
     * contact data in its texts masked too ({@link PersonalText}).
     */
    static TicketView of(Ticket t, List<TicketEvent> events, List<ServiceLevels.Clock> clocks,
            ServiceLevels.DueDates due, SurveyResults.Result survey) {
        UnaryOperator<String> text = value -> PersonalText.mask(value, t);
        return view(t, events, clocks, due, survey == null ? null : masked(survey, text),
                Masking.reference(t.getOrderNumber()),
                new Customer(t.getCustomerId(), Masking.name(t.getContactName()), Masking.phone(t.getContactPhone()),
                        Masking.email(t.getContactEmail()), t.getCustomerTier()),
                text);
    }

    /** The ticket unmasked, for a role that may see it (the read is audited, see UnmaskedTicketController). */
    static TicketView unmasked(Ticket t, List<TicketEvent> events, List<ServiceLevels.Clock> clocks,
            ServiceLevels.DueDates due, SurveyResults.Result survey) {
        return view(t, events, clocks, due, survey, t.getOrderNumber(),
                new Customer(t.getCustomerId(), t.getContactName(), t.getContactPhone(), t.getContactEmail(),
                        t.getCustomerTier()),
                UnaryOperator.identity());
    }

    private static TicketView view(Ticket t, List<TicketEvent> events, List<ServiceLevels.Clock> clocks,
            ServiceLevels.DueDates due, SurveyResults.Result survey, String orderNumber, Customer customer,
            UnaryOperator<String> text) {
        return new TicketView(t.getNumber(), t.getStatus(), t.getCurrentTier(), t.getHandler(), t.getQueue(),
                t.getChannel(), t.getCategory(), t.getPriority(), text.apply(t.getSubject()),
                text.apply(t.getDescription()), t.getProduct(), orderNumber, customer,
                t.getResponseTarget(), t.getResolutionTarget(), t.getCreatedAt(), due.response(),
                due.resolution(), t.getFirstRespondedAt(), t.getSolutionSentAt(), t.getClosedAt(),
                t.getCloseReason(), t.getResolvedTier(), text.apply(t.getResolution()), clocks,
                events.stream()
                        .map(e -> new Event(e.getOccurredAt(), e.getActor(), e.getAction(), text.apply(e.getDetail())))
                        .toList(),
                survey);
    }

    private static SurveyResults.Result masked(SurveyResults.Result s, UnaryOperator<String> text) {
        return new SurveyResults.Result(s.status(), s.sentAt(), s.answeredAt(), s.responseSpeed(),
                s.resolutionEfficiency(), s.attitude(), s.effectiveness(), s.overall(), text.apply(s.comment()));
    }
}
