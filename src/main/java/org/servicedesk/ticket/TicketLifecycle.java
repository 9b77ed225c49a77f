package org.servicedesk.ticket;

/**
 * The contract of {@code processes/ticket-lifecycle.bpmn}: process id, activity ids, variable
 * and message names. Its service-level clocks run as {@code SlaClockProcess} instances
 * ({@code org.servicedesk.sla.SlaClockProcess}). The process carries ids, classifications and outcomes only; everything
 * about the customer stays in our tables.
 */
public final class TicketLifecycle {

    public static final String PROCESS_ID = "TicketLifecycleProcess";

    public static final String RESOURCE = "processes/ticket-lifecycle.bpmn";

    public static final String ROUTING_DECISION = "TicketRouting";

    public static final String SLA_POLICY_DECISION = "SlaPolicy";

    // activities
    public static final String TASK_LOOK_UP_CUSTOMER = "Task_LookUpCustomer";
    public static final String TASK_ROUTE_TICKET = "Task_RouteTicket";
    public static final String TASK_APPLY_SLA_POLICY = "Task_ApplySlaPolicy";
    public static final String TASK_REQUEST_CUSTOMER_INFO = "Task_RequestCustomerInfo";
    public static final String TASK_AWAIT_CUSTOMER_REPLY = "Task_AwaitCustomerReply";
    public static final String TASK_ACKNOWLEDGE_RECEIPT = "Task_AcknowledgeReceipt";
    public static final String TASK_HANDLE_TIER1 = "Task_HandleTier1";
    public static final String TASK_HANDLE_TIER2 = "Task_HandleTier2";
    public static final String TASK_HANDLE_TIER3 = "Task_HandleTier3";
    public static final String TASK_REVIEW_RESOLUTION = "Task_ReviewResolution";
    public static final String TASK_SEND_SOLUTION = "Task_SendSolution";
    public static final String TASK_CLOSE_TICKET = "Task_CloseTicket";
    public static final String TASK_UPDATE_KNOWLEDGE_BASE = "Task_UpdateKnowledgeBase";
    public static final String EVENT_AWAIT_CONFIRMATION = "Gateway_AwaitConfirmation";
    public static final String EVENT_CUSTOMER_CONFIRMED = "Event_CustomerConfirmed";
    public static final String EVENT_CUSTOMER_REJECTED = "Event_CustomerRejected";
    public static final String EVENT_CONFIRMATION_TIMED_OUT = "Event_ConfirmationTimedOut";
    public static final String BOUNDARY_CUSTOMER_REPLY_OVERDUE = "BoundaryEvent_CustomerReplyOverdue";
    public static final String END_TICKET_CLOSED = "EndEvent_TicketClosed";
    public static final String GATEWAY_HANDLING_TIER = "Gateway_HandlingTier";

    // messages
    public static final String MSG_CUSTOMER_CONFIRMED = "CustomerConfirmed";
    public static final String MSG_CUSTOMER_REJECTED = "CustomerRejected";
    public static final String MSG_CUSTOMER_REPLIED = "CustomerReplied";

    // variables: ids and classification
    public static final String VAR_TICKET_ID = "ticketId";
    public static final String VAR_CUSTOMER_ID = "customerId";
    public static final String VAR_CUSTOMER_TIER = "customerTier";
    public static final String VAR_CATEGORY = "category";
    public static final String VAR_PRIORITY = "priority";
    public static final String VAR_CHANNEL = "channel";
    // variables: routing decision
    public static final String VAR_QUEUE = "queue";
    public static final String VAR_TASK_PRIORITY = "taskPriority";
    // variables: the SLA policy for clocks started later (the clocks themselves run in SlaClockProcess;
    // the user tasks read their due dates from them: ${slaDueDates.response(ticketId)})
    public static final String VAR_SLA_CALENDAR = "slaCalendar";
    public static final String VAR_TIER2_FEEDBACK_TARGET = "tier2FeedbackTarget";
    public static final String VAR_TIER2_FEEDBACK_WARNING_LEAD = "tier2FeedbackWarningLead";
    // variables of lifecycle 3.0 only, whose user tasks read their due dates from them; set for its running tickets
    public static final String VAR_RESPONSE_DUE_AT = "responseDueAt";
    public static final String VAR_TIER2_FEEDBACK_DUE_AT = "tier2FeedbackDueAt";
    public static final String VAR_RESOLUTION_DUE_AT = "resolutionDueAt";
    /** True once an agent claimed the tier-1 task: the assignment clock stopped. */
    public static final String VAR_ASSIGNED = "assigned";
    /** The tier that handles the ticket now; after a resolution, the tier that resolved it. */
    public static final String VAR_HANDLING_TIER = "handlingTier";
    public static final String VAR_RESPONDED = "responded";
    /** True while an agent's question waits for the customer: "Who acts next?" sends the ticket to the customer. */
    public static final String VAR_CUSTOMER_MUST_ANSWER = "customerMustAnswer";
    // variables: outcomes of the user tasks
    public static final String VAR_TIER1_OUTCOME = "tier1Outcome";
    public static final String VAR_TIER2_OUTCOME = "tier2Outcome";
    public static final String VAR_TIER3_OUTCOME = "tier3Outcome";
    public static final String VAR_CUSTOMER_QUESTION = "customerQuestion";
    /** Optional message to the customer when tier 1 escalates; it counts as the first response. */
    public static final String VAR_CUSTOMER_MESSAGE = "customerMessage";
    // variables: Task_HandleSlaBreach
    public static final String VAR_BREACH_ACTION = "breachAction";
    public static final String VAR_NEW_ASSIGNEE = "newAssignee";
    public static final String VAR_NEW_PRIORITY = "newPriority";
    public static final String VAR_BREACH_COMMENT = "breachComment";
    public static final String VAR_RESOLUTION = "resolution";
    public static final String VAR_ESCALATION_REASON = "escalationReason";
    public static final String VAR_FIX_PLAN = "fixPlan";
    /** Optional: the id of the published knowledge article the ticket was resolved with. */
    public static final String VAR_USED_ARTICLE_ID = "usedArticleId";
    public static final String VAR_REVIEW_APPROVED = "reviewApproved";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";
    /** CONFIRMED (set with the confirmation message), CONFIRMATION_TIMEOUT (set by the timer) or NO_CUSTOMER_REPLY. */
    public static final String VAR_CLOSE_REASON = "closeReason";

    public static final String OUTCOME_RESOLVED = "RESOLVED";
    public static final String OUTCOME_ESCALATE = "ESCALATE";
    public static final String OUTCOME_NEED_INFO = "NEED_INFO";

    private TicketLifecycle() {
    }
}
