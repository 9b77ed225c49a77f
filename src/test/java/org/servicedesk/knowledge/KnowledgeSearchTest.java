package org.servicedesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The H2 fallback of the knowledge search (LIKE per term, scored), and how text becomes terms. */
@SpringBootTest
@ActiveProfiles("test")
class KnowledgeSearchTest {

    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    @Autowired KnowledgeSearch search;
    @Autowired KnowledgeArticleRepository articles;

    @Test
    void termsInTheTitleRankAboveTermsInTheSolutionAndOnlyTheAskedStatusIsFound() {
        KnowledgeArticle inSolution = published("Dishwasher leaves spots", "Spots on glasses",
                "Use rinse aid; check the zanzibar valve.", null);
        KnowledgeArticle inTitle = published("Zanzibar valve leaks", "Water under the machine",
                "Tighten the valve nut.", "valve, leak");
        KnowledgeArticle retired = articles.saveAndFlush(new KnowledgeArticle("Zanzibar valve (old)", "p", "s", null,
                "REPAIR", null, NOW));
        retired.discard(NOW);
        articles.saveAndFlush(retired);

        List<KnowledgeSearch.Hit> hits = search.search("Zanzibar valve", ArticleStatus.PUBLISHED, 10);

        assertThat(hits).extracting(KnowledgeSearch.Hit::id).containsExactly(inTitle.getId(), inSolution.getId());
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        assertThat(hits.get(0).tags()).isEqualTo("valve, leak");
        assertThat(search.search("zanzibar", ArticleStatus.RETIRED, 10)).extracting(KnowledgeSearch.Hit::id)
                .containsExactly(retired.getId());
    }

    @Test
    void likeWildcardsInTheQueryAreTakenLiterally() {
        published("Battery at 100% but dies", "Drains fast", "Recalibrate the quokka battery.", null);

        assertThat(search.search("%%% ___", ArticleStatus.PUBLISHED, 10)).isEmpty();
        assertThat(search.search("quokka", ArticleStatus.PUBLISHED, 10)).hasSize(1);
    }

    @Test
    void textBecomesDistinctLowerCaseTermsWithoutStopWords() {
        assertThat(KnowledgeSearch.terms("The Printer does NOT print, printer P100: paper-jams on 2 pages"))
                .containsExactly("printer", "print", "p100", "paper", "jams", "pages");
        assertThat(KnowledgeSearch.terms("打印机卡纸，每一页都卡")).containsExactly("打印机卡纸", "每一页都卡");
        assertThat(KnowledgeSearch.terms("a b c")).isEmpty();
        assertThat(KnowledgeSearch.terms(null)).isEmpty();
        assertThat(KnowledgeSearch.terms("one two three four five six seven eight nine ten eleven twelve thirteen"))
                .hasSize(12);
        assertThat(KnowledgeSearch.snippet("x".repeat(300))).hasSize(158).endsWith("…");
        assertThat(KnowledgeSearch.snippet("line one\n\nline  two")).isEqualTo("line one line two");
    }

    private KnowledgeArticle published(String title, String problem, String solution, String tags) {
        KnowledgeArticle article = new KnowledgeArticle(title, problem, solution, null, "REPAIR", null, NOW);
        article.edit(null, null, null, tags, NOW);
        article.publish(NOW);
        return articles.saveAndFlush(article);
    }
}
