package org.servicedesk.security;

import java.util.List;

/**
 * The desk's roles: Camunda identity groups (domain.md, "Who uses it"). A member of a group has
 * the Spring Security role of the same name ({@code ROLE_tier1}).
 */
public final class Roles {

    public static final String ADMIN = "camunda-admin";
    public static final String TIER1 = "tier1";
    public static final String TIER2 = "tier2";
    public static final String TIER3 = "tier3";
    public static final String SUPERVISORS = "supervisors";
    public static final String MANAGERS = "managers";
    public static final String ANALYSTS = "analysts";
    public static final String QA = "qa";
    /** Channel integrations (web chat, e-mail gateway, app) that create tickets, and nothing else. */
    public static final String CHANNELS = "channels";

    record Role(String id, String name, String type) {
    }

    static final List<Role> ALL = List.of(
            new Role(ADMIN, "Camunda administrators", "SYSTEM"),
            new Role(TIER1, "Tier 1 agents", "WORKFLOW"),
            new Role(TIER2, "Tier 2 engineers", "WORKFLOW"),
            new Role(TIER3, "Tier 3 R&D", "WORKFLOW"),
            new Role(SUPERVISORS, "Service supervisors", "WORKFLOW"),
            new Role(MANAGERS, "Managers", "WORKFLOW"),
            new Role(ANALYSTS, "Business analysts", "WORKFLOW"),
            new Role(QA, "Quality inspectors", "WORKFLOW"),
            new Role(CHANNELS, "Channel integrations", "SYSTEM"));

    /** The people who work tickets: they see tickets, customers' history and the knowledge base. */
    static final String[] DESK = {TIER1, TIER2, TIER3, SUPERVISORS};

    /** Who works in Tasklist (besides the administrators). */
    static final List<String> TASKLIST_USERS = List.of(TIER1, TIER2, TIER3, SUPERVISORS, QA);

    /** Who watches in Cockpit (besides the administrators). */
    static final List<String> COCKPIT_USERS = List.of(MANAGERS, ANALYSTS);

    private Roles() {
    }
}
