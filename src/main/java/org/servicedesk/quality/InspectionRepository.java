package org.servicedesk.quality;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InspectionRepository extends JpaRepository<Inspection, Long> {

    boolean existsBySampleWeek(String sampleWeek);

    boolean existsByProcessInstanceIdAndTicketId(String processInstanceId, Long ticketId);

    List<Inspection> findByProcessInstanceIdOrderByIdAsc(String processInstanceId);

    List<Inspection> findBySampleWeekOrderByIdAsc(String sampleWeek);
}
