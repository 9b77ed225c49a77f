-- A ticket's due dates are its SLA clocks' (sla_clock.due_at, latest round per clock): one home,
-- read through ServiceLevels.dueDates. The copies on the ticket row go.
alter table ticket drop column response_due_at;
alter table ticket drop column resolution_due_at;
