package org.servicedesk.crm;

public enum CustomerTier {
    VIP, MEMBER, STANDARD
}
