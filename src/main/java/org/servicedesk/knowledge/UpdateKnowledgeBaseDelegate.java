package org.servicedesk.knowledge;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.system.TimeSource;
import org.servicedesk.ticket.PersonalText;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketLookup;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;

/**
 * {@code Task_UpdateKnowledgeBase}: a tier-2/3 resolution becomes a draft article (one per
 * ticket; running again revises it instead of adding a second). If the ticket was resolved
 * with an article before, that article is revised instead. Either way a supervisor reviews
 * it ({@link KnowledgeReview}), started here in the same transaction.
 */
@Component("updateKnowledgeBaseDelegate")
class UpdateKnowledgeBaseDelegate implements JavaDelegate {

    private final KnowledgeArticleRepository articles;

    private final TicketLookup tickets;

    private final Timeline timeline;

    private final TimeSource time;

    private final KnowledgeReviews reviews;

    UpdateKnowledgeBaseDelegate(KnowledgeArticleRepository articles, TicketLookup tickets, Timeline timeline,
            TimeSource time, KnowledgeReviews reviews) {
        this.articles = articles;
        this.tickets = tickets;
        this.timeline = timeline;
        this.time = time;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        KnowledgeArticle existing = articles.findBySourceTicketId(ticket.getId())
                .or(() -> ticket.getUsedArticleId() == null ? Optional.<KnowledgeArticle>empty()
                        : articles.findById(ticket.getUsedArticleId()))
                .orElse(null);
        KnowledgeArticle article;
        if (existing != null) {
            existing.revise(PersonalText.mask(ticket.getResolution(), ticket), time.now());
            article = existing;
        } else {
            // an article is read by every agent: the customer's contact data in the ticket's texts is masked
            article = articles.save(new KnowledgeArticle(PersonalText.mask(ticket.getSubject(), ticket),
                    PersonalText.mask(ticket.getDescription(), ticket), PersonalText.mask(ticket.getResolution(), ticket),
                    ticket.getProduct(), ticket.getCategory().name(), ticket.getId(), time.now()));
        }
        timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.KNOWLEDGE_DRAFTED,
                "Article #" + article.getId() + (existing != null ? " revised" : ""));
        reviews.request(article.getId(), ticket.getNumber());
    }
}
