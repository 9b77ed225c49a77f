-- Indexes of the weekly report at volume: measured on a million tickets (WeeklyReportBenchmark,
-- docs/operators.md#benchmark-of-the-weekly-report), these turn the lookups per ticket of the week
-- into index-only lookups. Same script on H2 and PostgreSQL.

-- the first SOLUTION_SENT of a ticket, and whether it was ever ESCALATED or CUSTOMER_REJECTED
-- (average_resolution_time, first_contact_resolution_rate, one_time_resolution_rate)
create index idx_ticket_event_ticket_action on ticket_event (ticket_id, action, occurred_at);

-- the customer's complaints of the 30 days before (repeat_complaint_rate)
create index idx_ticket_customer_category on ticket (customer_id, category, created_at);

-- the priority of each clock's ticket without reading the ticket row (sla_compliance); without it
-- PostgreSQL read the whole ticket table for a week's clocks
create index idx_ticket_id_priority on ticket (id, priority);
