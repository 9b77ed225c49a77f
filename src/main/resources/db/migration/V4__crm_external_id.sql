-- The customer's id in an external CRM (servicedesk.crm.type=http); null for built-in customers.
-- The same script runs on H2 and PostgreSQL.

alter table customer add column external_id varchar(100);
create unique index uq_customer_external_id on customer (external_id);
