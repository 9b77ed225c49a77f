-- PostgreSQL only: full-text index over an article's text. The 'simple' configuration does no
-- stemming and no stop words, so it treats every language alike; Chinese text without spaces
-- becomes one token per run of characters (rough, but predictable). KnowledgeSearch queries
-- with exactly this expression so that the index is used.
create index idx_knowledge_article_fts on knowledge_article using gin (
    to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(problem, '') || ' '
        || coalesce(solution, '') || ' ' || coalesce(tags, '')));
