-- Delivered and given-up messages keep their text and link only for servicedesk.retention.message-content
-- (notification/MessageRetention); then both are removed and this records when.
alter table notification add column content_removed_at timestamp with time zone;
create index idx_notification_retention on notification (content_removed_at, created_at);
