package org.servicedesk.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.servicedesk.system.CleanText;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/knowledge?q=…&status=PUBLISHED}: ranked search of the knowledge base. */
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeController {

    static final int MAX_RESULTS = 20;

    private final KnowledgeSearch search;

    KnowledgeController(KnowledgeSearch search) {
        this.search = search;
    }

    @GetMapping
    ResponseEntity<?> search(@RequestParam(name = "q", required = false) @CleanText String q,
            @RequestParam(name = "status", defaultValue = "PUBLISHED") ArticleStatus status) {
        if (q == null || q.isBlank() || q.length() > KnowledgeSearch.MAX_QUERY_LENGTH) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "q is required, at most " + KnowledgeSearch.MAX_QUERY_LENGTH + " characters.");
            problem.setTitle("Invalid request");
            problem.setProperty("errors", List.of(Map.of("field", "q", "message",
                    q == null || q.isBlank() ? "required" : "too long")));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.ok(search.search(q, status, MAX_RESULTS).stream().map(ArticleResult::of).toList());
    }

    record ArticleResult(long id, String title, String snippet, String product, String category, List<String> tags,
            int timesUsed) {

        static ArticleResult of(KnowledgeSearch.Hit hit) {
            List<String> tags = hit.tags() == null || hit.tags().isBlank() ? List.of()
                    : Arrays.stream(hit.tags().split(",")).map(String::strip).filter(t -> !t.isEmpty())
                            .toList();
            return new ArticleResult(hit.id(), hit.title(), hit.snippet(), hit.product(), hit.category(), tags,
                    hit.timesUsed());
        }
    }
}
