package org.servicedesk.survey;

public enum SurveyStatus {
    SENT, ANSWERED, EXPIRED
}
