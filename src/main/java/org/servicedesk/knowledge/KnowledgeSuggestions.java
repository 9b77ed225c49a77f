package org.servicedesk.knowledge;

import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER1;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicedesk.ticket.TaskContextContributor;
import org.servicedesk.ticket.Ticket;
import org.springframework.stereotype.Component;

/**
 * Suggests the best matching published articles in the tier-1 form: task-local
 * {@code knowledgeSuggestions}, a Markdown list "#{id} title — solution snippet", found with
 * the ticket's subject, description and product.
 */
@Component
class KnowledgeSuggestions implements TaskContextContributor {

    static final String VAR_KNOWLEDGE_SUGGESTIONS = "knowledgeSuggestions";

    static final int MAX_SUGGESTIONS = 3;

    private final KnowledgeSearch search;

    KnowledgeSuggestions(KnowledgeSearch search) {
        this.search = search;
    }

    @Override
    public void contribute(DelegateTask task, Ticket ticket) {
        if (!TASK_HANDLE_TIER1.equals(task.getTaskDefinitionKey())) {
            return;
        }
        String text = ticket.getSubject() + " " + ticket.getDescription()
                + (ticket.getProduct() == null ? "" : " " + ticket.getProduct());
        List<KnowledgeSearch.Hit> hits = search.search(text, ArticleStatus.PUBLISHED, MAX_SUGGESTIONS);
        task.setVariableLocal(VAR_KNOWLEDGE_SUGGESTIONS, hits.isEmpty() ? "No matching published articles."
                : hits.stream().map(hit -> "- #" + hit.id() + " " + hit.title() + " — " + hit.snippet())
                        .collect(Collectors.joining("\n")));
    }
}
