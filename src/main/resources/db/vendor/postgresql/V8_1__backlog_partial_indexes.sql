-- PostgreSQL only (H2 has no partial indexes): the small sets of tickets the backlog of a week is
-- counted from (WeeklyReport.backlog). Its query names the same conditions, so that these are used.

-- tickets still open
create index idx_ticket_open on ticket (created_at) where closed_at is null;

-- tickets that were open longer than 7 days
create index idx_ticket_long_lived on ticket (closed_at, created_at) where closed_at - created_at > interval '7' day;
