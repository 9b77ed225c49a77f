package org.servicedesk.ticket;

/**
 * An agent resolved a ticket with a knowledge article. Published as a Spring event inside the
 * transaction of the task's completion; the knowledge base counts the use (and rejects an id
 * that is no published article, which fails the completion).
 */
public record ArticleUsed(Long ticketId, long articleId) {
}
