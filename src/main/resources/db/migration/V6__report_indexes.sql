-- Indexes of the weekly service report (org.servicedesk.reporting.WeeklyReport): every
-- indicator selects its rows by a time range on one of these columns. Same script on H2 and PostgreSQL.
create index idx_ticket_created_at on ticket (created_at);
create index idx_ticket_closed_at on ticket (closed_at);
create index idx_ticket_event_action on ticket_event (action, occurred_at);
create index idx_survey_answered_at on survey (answered_at);
create index idx_sla_clock_stopped_at on sla_clock (stopped_at);
