-- Knowledge base (issue 4). Runs on H2 and PostgreSQL; the PostgreSQL full-text index is in
-- db/vendor/postgresql (V5_1), H2 searches with LIKE instead (see KnowledgeSearch).

-- A reviewed change to a published article waits here; the published text stays searchable.
alter table knowledge_article add column proposed_solution varchar(4000);
alter table knowledge_article add column published_at timestamp with time zone;

-- The published article an agent resolved the ticket with: a tier-2/3 resolution after it
-- revises that article instead of drafting a new one.
alter table ticket add column used_article_id bigint references knowledge_article (id);

create index idx_knowledge_article_status on knowledge_article (status);
