package org.servicedesk.ticket;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.servicedesk.notification.NotifiedTicket;
import org.servicedesk.privacy.BlindIndex;
import org.servicedesk.privacy.BlindIndexListener;
import org.servicedesk.privacy.BlindIndexed;
import org.servicedesk.privacy.Encrypted;

/**
 * A ticket (template A). The contact details given at intake stay in this row, encrypted, and so
 * are the order number and the texts (subject, description, resolution); the process only knows
 * the ticket's id and number. The blind indexes of the
 * contact's phone and e-mail find a customer's tickets for erasure.
 */
@Entity
@EntityListeners(BlindIndexListener.class)
public class Ticket implements BlindIndexed, NotifiedTicket {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_id")
    @SequenceGenerator(name = "ticket_id", sequenceName = "ticket_id_seq", allocationSize = 50)
    private Long id;

    private String number;

    private Long customerId;

    @Encrypted
    private String contactName;

    @Encrypted
    private String contactPhone;

    @Encrypted
    private String contactEmail;

    private String contactPhoneBidx;

    private String contactEmailBidx;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private Category category;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    /** The customer's own words may hold contact data or an order number: stored encrypted. */
    @Encrypted
    private String subject;

    @Encrypted
    private String description;

    private String product;

    @Encrypted
    private String orderNumber;

    private String customerTier;

    private String queue;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    private Integer currentTier;

    private String handler;

    @Encrypted
    private String resolution;

    private Integer resolvedTier;

    private String responseTarget;

    private String resolutionTarget;

    private Instant firstRespondedAt;

    private Instant solutionSentAt;

    private Instant closedAt;

    @Enumerated(EnumType.STRING)
    private CloseReason closeReason;

    private Instant createdAt;

    /** The knowledge article the ticket was resolved with, if any. */
    private Long usedArticleId;

    @Version
    private long version;

    protected Ticket() {
    }

    Ticket(String number, NewTicket request, Instant createdAt) {
        this.number = number;
        this.customerId = request.customerId();
        this.contactName = request.customerName();
        this.contactPhone = request.phone();
        this.contactEmail = request.email();
        this.channel = request.channel();
        this.category = request.category();
        this.priority = request.priority();
        this.subject = request.subject();
        this.description = request.description();
        this.product = request.product();
        this.orderNumber = request.orderNumber();
        this.status = TicketStatus.NEW;
        this.createdAt = createdAt;
    }

    @Override
    public void updateBlindIndexes(BlindIndex index) {
        this.contactPhoneBidx = index.phone(contactPhone);
        this.contactEmailBidx = index.email(contactEmail);
    }

    public void linkCustomer(Long customerId, String customerTier) {
        this.customerId = customerId;
        this.customerTier = customerTier;
    }

    public void route(String queue) {
        this.queue = queue;
        this.currentTier = 1;
        this.status = TicketStatus.UNASSIGNED;
    }

    /**
     * The first-response and resolution targets the SLA policy gave this ticket. Their due dates are
     * the SLA clocks' ({@link ServiceLevels#dueDates}).
     */
    public void applySla(String responseTarget, String resolutionTarget) {
        this.responseTarget = responseTarget;
        this.resolutionTarget = resolutionTarget;
    }

    public void awaitCustomer() {
        this.status = TicketStatus.AWAITING_CUSTOMER;
        this.handler = null;
    }

    public void changePriority(Priority priority) {
        this.priority = priority;
    }

    public void waitInQueue(int tier) {
        this.currentTier = tier;
        this.handler = null;
        this.status = TicketStatus.UNASSIGNED;
    }

    public void assignTo(String handler) {
        this.handler = handler;
        this.status = handler == null ? TicketStatus.UNASSIGNED : TicketStatus.IN_PROGRESS;
    }

    /** True the first time: the customer saw a first response. */
    public boolean respondedAt(Instant at) {
        if (firstRespondedAt == null) {
            firstRespondedAt = at;
            return true;
        }
        return false;
    }

    public void resolve(int tier, String resolution) {
        this.resolvedTier = tier;
        this.resolution = resolution;
    }

    /** The agent resolved the ticket with this knowledge article. */
    public void usedArticle(Long articleId) {
        this.usedArticleId = articleId;
    }

    public Long getUsedArticleId() {
        return usedArticleId;
    }

    public void startReview() {
        this.status = TicketStatus.IN_REVIEW;
        this.handler = null;
    }

    public void solutionSent(Instant at) {
        this.solutionSentAt = at;
        this.status = TicketStatus.PENDING_CONFIRMATION;
    }

    public void close(CloseReason reason, Instant at) {
        this.closeReason = reason;
        this.closedAt = at;
        this.status = TicketStatus.CLOSED;
        this.handler = null;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public Channel getChannel() {
        return channel;
    }

    public Category getCategory() {
        return category;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getSubject() {
        return subject;
    }

    @Override
    public String maskedSubject() {
        return PersonalText.mask(subject, this);
    }

    public String getDescription() {
        return description;
    }

    public String getProduct() {
        return product;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public String getCustomerTier() {
        return customerTier;
    }

    public String getQueue() {
        return queue;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public Integer getCurrentTier() {
        return currentTier;
    }

    public String getHandler() {
        return handler;
    }

    public String getResolution() {
        return resolution;
    }

    public Integer getResolvedTier() {
        return resolvedTier;
    }

    public String getResponseTarget() {
        return responseTarget;
    }

    public String getResolutionTarget() {
        return resolutionTarget;
    }

    public Instant getFirstRespondedAt() {
        return firstRespondedAt;
    }

    public Instant getSolutionSentAt() {
        return solutionSentAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public CloseReason getCloseReason() {
        return closeReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
