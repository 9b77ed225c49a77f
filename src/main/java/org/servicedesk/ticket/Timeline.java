package org.servicedesk.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.servicedesk.engine.EngineAuthentication;
import org.servicedesk.system.ServiceDeskProperties;
import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Service;

/** Writes and reads a ticket's timeline. Every step of the process leaves a line here. */
@Service
public class Timeline {

    /** The actor of steps the process takes by itself. */
    public static final String SYSTEM = "system";

    /** The actor of what the customer does (we never write their name here). */
    public static final String CUSTOMER = "customer";

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TicketEventRepository events;

    private final TimeSource time;

    private final IdentityService identityService;

    private final ZoneId zone;

    Timeline(TicketEventRepository events, TimeSource time, IdentityService identityService,
            ServiceDeskProperties properties) {
        this.events = events;
        this.time = time;
        this.identityService = identityService;
        this.zone = properties.zone();
    }

    public void record(Long ticketId, String actor, TicketAction action, String detail) {
        events.save(new TicketEvent(ticketId, time.now(), actor, action.name(), truncate(detail)));
    }

    /** Records a step done by whoever is logged in, else by {@code fallbackActor}. */
    public void recordByCurrentUser(Long ticketId, String fallbackActor, TicketAction action, String detail) {
        String user = EngineAuthentication.currentUserId(identityService);
        String actor = user != null ? user : fallbackActor != null ? fallbackActor : SYSTEM;
        record(ticketId, actor, action, detail);
    }

    public List<TicketEvent> of(Long ticketId) {
        return events.findByTicketIdOrderByOccurredAtAscIdAsc(ticketId);
    }

    /** The timeline as a Markdown list, for the read-only context of a task form. */
    public String asMarkdown(Long ticketId) {
        return of(ticketId).stream()
                .map(e -> "- " + SHORT.format(e.getOccurredAt().atZone(zone)) + " · " + e.getActor() + " · "
                        + TicketAction.valueOf(e.getAction()).label()
                        + (e.getDetail() == null ? "" : ": " + e.getDetail().replace('\n', ' ')))
                .collect(Collectors.joining("\n"));
    }

    /** A time as agents read it: in the desk's zone, to the minute, with the zone named. */
    public String format(Instant instant) {
        return instant == null ? "–" : SHORT.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
    }
}
