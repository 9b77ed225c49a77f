-- Data of the weekly report benchmark (org.servicedesk.reporting.WeeklyReportBenchmark), PostgreSQL:
-- ${tickets} tickets created evenly over the 104 weeks before ${end}, ${customers} customers, and the
-- rows each indicator reads: ticket events, SLA clocks, surveys and the engine's history of the
-- lifecycle and survey instances and their user tasks. Every table is filled in time order, as the
-- application would have filled it, so that rows of one week sit together and rows of one ticket do not.
-- Statements end with ";" at the end of a line; ${...} are replaced by the benchmark.

select setseed(0.2026);

insert into customer (id, name, phone, email, tier, language, preferred_channel, created_at)
select g, 'Benchmark customer ' || g, '138' || lpad(g::text, 8, '0'), 'customer' || g || '@example.cn',
       case when g % 20 = 0 then 'VIP' when g % 4 = 0 then 'MEMBER' else 'STANDARD' end,
       'zh', case when g % 3 = 0 then 'SMS' else 'EMAIL' end, timestamptz '${start}' - interval '1 year'
  from generate_series(1, ${customers}) g;

-- One row per ticket with all its random draws and the times of its life; dropped at the end.
create unlogged table bench_ticket as
with draw as materialized (
    select g as id,
           timestamptz '${start}' + (g - 1) * ((timestamptz '${end}' - timestamptz '${start}') / ${tickets}) as created_at,
           1 + floor(power(random(), 2) * ${customers})::bigint as customer_id, -- some customers call often
           random() as r_category, random() as r_priority, random() as r_tier, random() as r_claim,
           random() as r_response, random() as r_resolve, random() as r_confirm, random() as r_open,
           random() as r_reject, random() as r_reason1, random() as r_reason2, random() as r_survey,
           random() as r_answer, random() as r_score, random() as r_breach
      from generate_series(1, ${tickets}) g
), kind as materialized (
    select d.*,
           case when r_category < .35 then 'INQUIRY' when r_category < .60 then 'REPAIR'
                when r_category < .80 then 'TECHNICAL_FAULT' when r_category < .92 then 'COMPLAINT'
                else 'CUSTOM_REQUEST' end as category,
           case when r_priority < .05 then 'P0' when r_priority < .30 then 'P1' else 'P2' end as priority,
           case when r_tier < .70 then 1 when r_tier < .95 then 2 else 3 end as tier,
           interval '1 minute' * (1 + 59 * r_claim * r_claim) as claim_after,
           interval '1 minute' * (2 + 600 * r_response * r_response * r_response) as response_after
      from draw d
), timing as materialized (
    select k.*,
           -- the solution goes out after the first response; exponential, longer at higher tiers
           response_after + interval '1 hour' * (0.5 - ln(1 - r_resolve)
               * case tier when 1 then 6 when 2 then 30 else 90 end) as resolve_after,
           interval '1 hour' * 72 * r_confirm as confirm_after
      from kind k
)
select t.*,
       'CG' || to_char(created_at at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(id::text, 7, '0') as number,
       created_at + claim_after as claimed_at,
       case when created_at + response_after < timestamptz '${end}' then created_at + response_after end as responded_at,
       case when tier >= 2 then created_at + resolve_after * 0.25 end as escalated_at,
       case when tier = 3 then created_at + resolve_after * 0.55 end as escalated_again_at,
       case when tier >= 2 or category = 'COMPLAINT' then created_at + resolve_after * 0.85 end as review_at,
       case when created_at + resolve_after < timestamptz '${end}' then created_at + resolve_after end as solution_at,
       case when r_open >= .002 and created_at + resolve_after + confirm_after < timestamptz '${end}'
            then created_at + resolve_after + confirm_after end as closed_at, -- 0.2% stay open for good
       case when r_reject < .06 then created_at + resolve_after * 0.6 end as first_solution_at,
       case when r_reject < .06 then created_at + resolve_after * 0.7 end as rejected_at,
       created_at + case priority when 'P0' then interval '1 hour' when 'P1' then interval '4 hours'
                                  else interval '8 hours' end as response_due_at,
       created_at + case priority when 'P0' then interval '24 hours' when 'P1' then interval '48 hours'
                                  else interval '72 hours' end as resolution_due_at,
       md5('lifecycle' || id)::uuid::text as lifecycle_id,
       md5('survey process' || id)::uuid::text as survey_process_id,
       (array['needs diagnosis', 'firmware bug', 'wrong part', 'customer abroad', 'suspected defect',
              'no spare parts', 'remote access failed', 'needs on-site visit', 'log analysis', 'app crash',
              'payment failure', 'order not synced', 'battery fault', 'display fault', 'overheating', 'noise',
              'water damage', 'installation problem', 'warranty question', 'refund dispute', 'account locked',
              'data loss', 'network issue', 'compatibility', 'unknown error'])[1 + floor(power(r_reason1, 2) * 25)::int]
           as reason,
       (array['firmware bug', 'suspected defect', 'hardware fault', 'reproducible crash', 'design flaw',
              'data corruption', 'security issue', 'memory leak'])[1 + floor(power(r_reason2, 2) * 8)::int]
           as defect,
       case when r_survey < .4 then r_answer end as answer_share
  from timing t;

alter table bench_ticket add column answered_at timestamptz;
update bench_ticket set answered_at = closed_at + interval '1 hour' + interval '48 hours' * answer_share
 where closed_at is not null and answer_share is not null
   and closed_at + interval '1 hour' + interval '48 hours' * answer_share < timestamptz '${end}';

insert into ticket (id, number, customer_id, contact_name, contact_phone, channel, category, priority, subject,
    description, customer_tier, queue, status, current_tier, handler, resolution, resolved_tier, response_target,
    resolution_target, first_responded_at, solution_sent_at, closed_at,
    close_reason, created_at, version)
select id, number, customer_id, 'Benchmark contact ' || customer_id, '138****' || lpad((customer_id % 10000)::text, 4, '0'),
       (array['PHONE', 'WEB', 'EMAIL', 'APP', 'SOCIAL', 'STORE'])[1 + id % 6], category, priority,
       'Benchmark ticket ' || id,
       repeat('Model X-' || (id % 97) || ', bought last year; the symptoms as the customer told them. ', 3),
       'STANDARD', lower(category) || '-tier1',
       case when closed_at is not null then 'CLOSED' when solution_at is not null then 'PENDING_CONFIRMATION'
            else 'IN_PROGRESS' end,
       case when escalated_again_at < timestamptz '${end}' then 3 when escalated_at < timestamptz '${end}' then 2 else 1 end,
       'agent' || (id % 40),
       case when solution_at is not null then 'Solution of ticket ' || id end,
       case when solution_at is not null then tier end,
       case priority when 'P0' then 'PT1H' when 'P1' then 'PT4H' else 'PT8H' end,
       case priority when 'P0' then 'PT24H' when 'P1' then 'PT48H' else 'PT72H' end,
       responded_at, solution_at, closed_at,
       case when closed_at is null then null when r_confirm < .8 then 'CONFIRMED' else 'CONFIRMATION_TIMEOUT' end,
       created_at, 3
  from bench_ticket
 order by id;

insert into ticket_event (ticket_id, occurred_at, actor, action, detail)
select t.id, e.occurred_at, e.actor, e.action, e.detail
  from bench_ticket t
 cross join lateral (values
       (t.created_at, 'system', 'RECEIVED', 'PHONE'),
       (t.created_at + interval '1 second', 'system', 'CUSTOMER_IDENTIFIED', 'STANDARD'),
       (t.created_at + interval '2 seconds', 'system', 'ROUTED', lower(t.category) || '-tier1'),
       (t.created_at + interval '3 seconds', 'system', 'SLA_POLICY_APPLIED', 'business-hours'),
       (t.created_at + interval '4 seconds', 'system', 'QUEUED', 'Tier 1'),
       (t.claimed_at, 'agent' || (t.id % 40), 'CLAIMED', 'Task_HandleTier1'),
       (t.escalated_at, 'agent' || (t.id % 40), 'ESCALATED',
           'To tier 2: ' || case when t.id % 2 = 0 then initcap(t.reason) else t.reason end),
       (t.escalated_again_at, 'engineer' || (t.id % 12), 'ESCALATED', 'To tier 3: ' || t.defect),
       (t.first_solution_at, 'system', 'SOLUTION_SENT', 'First solution'),
       (t.rejected_at, 'customer', 'CUSTOMER_REJECTED', 'Still not working'),
       (t.created_at + t.resolve_after - interval '1 second', 'agent' || (t.id % 40), 'RESOLVED', 'Solution'),
       (t.created_at + t.resolve_after, 'system', 'SOLUTION_SENT', 'Solution'),
       (t.closed_at, 'customer', 'CUSTOMER_CONFIRMED', 'Works again'),
       (t.closed_at + interval '1 second', 'system', 'CLOSED', 'CONFIRMED'),
       (t.closed_at + interval '1 hour', 'system', 'SURVEY_SENT', null),
       (t.answered_at, 'customer', 'SURVEY_ANSWERED', null)
       ) as e (occurred_at, actor, action, detail)
 where e.occurred_at is not null and e.occurred_at < timestamptz '${end}'
 order by e.occurred_at;

insert into sla_clock (ticket_id, clock, round, calendar, target, warning_lead, started_at, warning_at, due_at,
    paused_seconds, stopped_at, breached_at, outcome, overrun_seconds, version)
select t.id, c.clock, 1, 'business-hours', c.target, 'PT1H', c.started_at, c.due_at - interval '1 hour', c.due_at, 0,
       c.stopped_at,
       case when c.due_at < coalesce(c.stopped_at, timestamptz '${end}') then c.due_at end,
       case when c.stopped_at is null then null when c.stopped_at <= c.due_at then 'MET' else 'BREACHED' end,
       case when c.stopped_at > c.due_at then extract(epoch from c.stopped_at - c.due_at)::bigint end,
       2
  from bench_ticket t
 cross join lateral (values
       ('ASSIGNMENT', 'PT30M', t.created_at, t.created_at + interval '30 minutes',
           case when t.claimed_at < timestamptz '${end}' then t.claimed_at end),
       ('RESPONSE', case t.priority when 'P0' then 'PT1H' when 'P1' then 'PT4H' else 'PT8H' end, t.created_at,
           t.response_due_at, t.responded_at),
       ('TIER2_FEEDBACK', 'PT24H', t.escalated_at, t.escalated_at + interval '24 hours',
           case when coalesce(t.escalated_again_at, t.solution_at) < timestamptz '${end}'
                then coalesce(t.escalated_again_at, t.solution_at) end),
       ('RESOLUTION', case t.priority when 'P0' then 'PT24H' when 'P1' then 'PT48H' else 'PT72H' end, t.created_at,
           t.resolution_due_at, t.solution_at)
       ) as c (clock, target, started_at, due_at, stopped_at)
 where c.started_at is not null and c.started_at < timestamptz '${end}'
 order by c.started_at;

insert into survey (ticket_id, token, status, sent_at, answered_at, response_speed, resolution_efficiency, attitude,
    effectiveness, overall, comment, version)
select id, md5('survey token ' || id),
       case when answered_at is not null then 'ANSWERED'
            when closed_at + interval '1 hour' + interval '7 days' < timestamptz '${end}' then 'EXPIRED' else 'SENT' end,
       closed_at + interval '1 hour', answered_at,
       case when answered_at is not null then s.score end, case when answered_at is not null then s.score end,
       case when answered_at is not null then least(5, s.score + 1) end, case when answered_at is not null then s.score end,
       case when answered_at is not null then s.score end,
       case when answered_at is not null and s.score <= 2 then 'Took too long' end, 1
  from bench_ticket
 cross join lateral (select case when r_score < .05 then 1 when r_score < .13 then 2 when r_score < .25 then 3
                                 when r_score < .55 then 4 else 5 end as score) s
 where closed_at + interval '1 hour' < timestamptz '${end}'
 order by closed_at;

insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_,
    removal_time_, duration_, start_act_id_, end_act_id_, root_proc_inst_id_, state_)
select p.id, p.id, t.number, p.proc_def_key, p.proc_def_key || ':7:' || md5(p.proc_def_key),
       p.started_at at time zone 'UTC', p.ended_at at time zone 'UTC',
       (p.ended_at + interval '180 days') at time zone 'UTC',
       (extract(epoch from p.ended_at - p.started_at) * 1000)::bigint, p.start_act, p.end_act, p.id,
       case when p.ended_at is null then 'ACTIVE' else 'COMPLETED' end
  from bench_ticket t
 cross join lateral (values
       (t.lifecycle_id, 'TicketLifecycleProcess', t.created_at, t.closed_at, 'StartEvent_TicketReceived',
           'EndEvent_TicketClosed'),
       (t.survey_process_id, 'SatisfactionSurveyProcess', t.closed_at,
           case when t.answered_at is not null then t.answered_at
                when t.closed_at + interval '7 days 1 hour' < timestamptz '${end}' then t.closed_at + interval '7 days 1 hour' end,
           'StartEvent_TicketClosed', 'EndEvent_SurveyDone')
       ) as p (id, proc_def_key, started_at, ended_at, start_act, end_act)
 where p.started_at is not null
 order by p.started_at;

insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
    execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_, delete_reason_, priority_,
    removal_time_)
select md5(k.task || t.id)::uuid::text, k.task, 'TicketLifecycleProcess',
       'TicketLifecycleProcess:7:' || md5('TicketLifecycleProcess'), t.lifecycle_id, t.lifecycle_id,
       md5('execution ' || k.task || t.id)::uuid::text, k.task || ':' || md5('activity ' || k.task || t.id)::uuid,
       k.name, k.assignee, k.started_at at time zone 'UTC', e.ended_at at time zone 'UTC',
       (extract(epoch from e.ended_at - k.started_at) * 1000)::bigint,
       case when e.ended_at is not null then 'completed' end, 50,
       (t.closed_at + interval '180 days') at time zone 'UTC'
  from bench_ticket t
 cross join lateral (values
       ('Task_HandleTier1', 'Handle at tier 1', 'agent' || (t.id % 40), t.created_at + interval '4 seconds',
           coalesce(t.escalated_at, t.review_at, t.created_at + t.resolve_after - interval '1 second')),
       ('Task_HandleTier2', 'Handle at tier 2', 'engineer' || (t.id % 12), t.escalated_at,
           coalesce(t.escalated_again_at, t.review_at)),
       ('Task_HandleTier3', 'Handle at tier 3', 'developer' || (t.id % 5), t.escalated_again_at, t.review_at),
       ('Task_ReviewResolution', 'Review resolution', 'supervisor' || (t.id % 3), t.review_at,
           t.created_at + t.resolve_after - interval '1 second'),
       ('Task_HandleSlaBreach', 'Handle SLA breach', 'supervisor' || (t.id % 3),
           case when coalesce(t.solution_at, timestamptz '${end}') > t.resolution_due_at then t.resolution_due_at end,
           t.resolution_due_at + interval '8 hours' * t.r_breach)
       ) as k (task, name, assignee, started_at, ended_at)
 cross join lateral (select case when k.ended_at < timestamptz '${end}' then k.ended_at end as ended_at) e
 where k.started_at is not null and k.started_at < timestamptz '${end}'
 order by k.started_at;

drop table bench_ticket;

select setval(pg_get_serial_sequence('customer', 'id'), (select max(id) from customer));
select setval(pg_get_serial_sequence('ticket', 'id'), (select max(id) from ticket));
