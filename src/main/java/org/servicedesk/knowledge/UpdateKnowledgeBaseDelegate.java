package org.servicedesk.knowledge;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.system.TimeSource;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketLookup;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;

/**
 * {@code Task_UpdateKnowledgeBase}: a tier-2/3 resolution becomes a draft article (one per
 * ticket; running again updates the draft instead of adding a second).
 */
@Component("updateKnowledgeBaseDelegate")
class UpdateKnowledgeBaseDelegate implements JavaDelegate {

    private final KnowledgeArticleRepository articles;

    private final TicketLookup tickets;

    private final Timeline timeline;

    private final TimeSource time;

    UpdateKnowledgeBaseDelegate(KnowledgeArticleRepository articles, TicketLookup tickets, Timeline timeline,
            TimeSource time) {
        this.articles = articles;
        this.tickets = tickets;
        this.timeline = timeline;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        KnowledgeArticle article = articles.findBySourceTicketId(ticket.getId())
                .map(existing -> {
                    existing.revise(ticket.getResolution(), time.now());
                    return existing;
                })
                .orElseGet(() -> articles.save(new KnowledgeArticle(ticket.getSubject(), ticket.getDescription(),
                        ticket.getResolution(), ticket.getProduct(), ticket.getCategory().name(), ticket.getId(),
                        time.now())));
        timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.KNOWLEDGE_DRAFTED, "Article #" + article.getId());
    }
}
