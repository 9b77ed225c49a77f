package org.servicedesk.notification;

import java.util.Map;

/**
 * The messages of the desk, in English and Chinese, chosen by the customer's language (staff
 * messages in English). Placeholders: {number}, {subject}, {link}, {clock}, {due}, {tier},
 * {reason}, {week}, {summary}. No template names the customer: bodies carry no personal data.
 */
public enum NotificationTemplate {

    TICKET_RECEIVED(
            "We received your request {number}",
            "Your request \"{subject}\" has ticket number {number}. We will answer within the promised time.",
            "我们已收到您的请求 {number}",
            "您的请求“{subject}”的工单号为 {number}，我们会在承诺时间内回复您。"),
    SOLUTION_TO_CONFIRM(
            "Solution for your request {number}",
            "Our solution for \"{subject}\":\n{solution}\nIt solved my problem: {link}?accepted=true\nIt did not: {link}?accepted=false",
            "您的请求 {number} 的解决方案",
            "关于“{subject}”的解决方案：\n{solution}\n已解决，请点击：{link}?accepted=true\n未解决，请点击：{link}?accepted=false"),
    SURVEY_INVITATION(
            "How did we do? ({number})",
            "Your request {number} is closed. Please rate our service (one minute): {link}",
            "服务满意度调查（{number}）",
            "您的工单 {number} 已关闭，请花一分钟为我们的服务评分：{link}"),
    INFORMATION_REQUESTED(
            "We need information for your request {number}",
            "To go on with \"{subject}\" we need your answer:\n{question}\nPlease reply: {link}",
            "您的请求 {number} 需要补充信息",
            "为继续处理“{subject}”，请回答：\n{question}\n回复链接：{link}"),
    AGENT_REPLY(
            "Update on your request {number}",
            "{message}",
            "您的请求 {number} 有新回复",
            "{message}"),
    CLOSED_NO_REPLY(
            "Your request {number} was closed",
            "We did not hear back from you about \"{subject}\", so we closed the request. Reply any time to open a new one.",
            "您的请求 {number} 已关闭",
            "由于未收到您关于“{subject}”的回复，我们已关闭该请求。如需帮助，欢迎随时再次联系我们。"),
    SLA_WARNING(
            "SLA warning: {clock} of {number} due {due}",
            "The {clock} target of ticket {number} (\"{subject}\") is due at {due}.",
            "SLA 预警：{number} 的{clock}将于 {due} 到期",
            "工单 {number}（“{subject}”）的{clock}时限 {due} 即将到期。"),
    SLA_ESCALATION(
            "Escalation: {number} still unresolved",
            "Ticket {number} (\"{subject}\") missed its resolution target ({due}) and is still open. Please step in.",
            "升级：{number} 仍未解决",
            "工单 {number}（“{subject}”）已超过解决时限（{due}）且仍未解决，请介入处理。"),
    SLA_BREACH(
            "SLA breached: {clock} of {number}",
            "The {clock} target of ticket {number} (\"{subject}\") was due at {due} and is missed.",
            "SLA 超时：{number} 的{clock}",
            "工单 {number}（“{subject}”）的{clock}时限 {due} 已超时。"),
    ESCALATION(
            "Escalated to tier {tier}: {number}",
            "Ticket {number} (\"{subject}\") was escalated to tier {tier}: {reason}",
            "升级至 {tier} 线：{number}",
            "工单 {number}（“{subject}”）已升级至 {tier} 线处理：{reason}"),
    WEEKLY_REPORT(
            "Service desk weekly report {week}",
            "The service desk's report of week {week}:\n{summary}",
            "客服中心周报 {week}",
            "第 {week} 周客服中心报告：\n{summary}");

    private final String subjectEn;

    private final String bodyEn;

    private final String subjectZh;

    private final String bodyZh;

    NotificationTemplate(String subjectEn, String bodyEn, String subjectZh, String bodyZh) {
        this.subjectEn = subjectEn;
        this.bodyEn = bodyEn;
        this.subjectZh = subjectZh;
        this.bodyZh = bodyZh;
    }

    String subject(String language, Map<String, String> values) {
        return fill("zh".equals(language) ? subjectZh : subjectEn, values);
    }

    String body(String language, Map<String, String> values) {
        return fill("zh".equals(language) ? bodyZh : bodyEn, values);
    }

    private static String fill(String text, Map<String, String> values) {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace("{" + value.getKey() + "}", value.getValue() == null ? "" : value.getValue());
        }
        return result;
    }
}
