package org.servicedesk.knowledge;

public enum ArticleStatus {
    DRAFT, PUBLISHED, RETIRED
}
