package org.servicedesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * PostgreSQL full-text search of the knowledge base: the GIN index of V5_1 exists and is the
 * one the search query can use, results are ranked, only the asked status is found, and
 * Chinese text is matched by its runs of characters ('simple' configuration).
 */
@SpringBootTest
@ActiveProfiles({ "postgres", "it" })
class KnowledgeSearchIT {

    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    @Autowired KnowledgeSearch search;
    @Autowired KnowledgeArticleRepository articles;
    @Autowired JdbcTemplate jdbc;

    @Test
    void publishedArticlesAreRankedByFullTextMatch() {
        // a word of its own, so that articles of other tests (same database) do not interfere
        String word = "zephyr" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        KnowledgeArticle best = published(word + " toner smears", "Toner smears on " + word + " prints",
                "Replace the " + word + " drum unit.", "toner, drum");
        KnowledgeArticle weaker = published("Paper tray stuck", "Tray does not open", "Mention " + word + " once.", null);
        KnowledgeArticle draft = articles.saveAndFlush(new KnowledgeArticle(word + " toner draft", "p", "s", null,
                "TECHNICAL_FAULT", null, NOW));

        List<KnowledgeSearch.Hit> hits = search.search(word + " toner drum", ArticleStatus.PUBLISHED, 10);

        assertThat(hits).extracting(KnowledgeSearch.Hit::id).containsSubsequence(best.getId(), weaker.getId())
                .doesNotContain(draft.getId()).first().isEqualTo(best.getId());
        assertThat(hits.get(0).score()).isGreaterThan(hits.stream().filter(hit -> hit.id() == weaker.getId())
                .findFirst().orElseThrow().score());
        assertThat(hits.get(0).snippet()).isEqualTo("Replace the " + word + " drum unit.");
        assertThat(search.search(word, ArticleStatus.DRAFT, 10)).extracting(KnowledgeSearch.Hit::id)
                .containsExactly(draft.getId());
    }

    @Test
    void chineseTextIsFoundByItsRunsOfCharacters() {
        String code = "型号" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        KnowledgeArticle article = published("打印机卡纸 " + code, "打印机卡纸，每一页都卡", "更换搓纸轮。", "打印机");

        assertThat(search.search("打印机卡纸 " + code, ArticleStatus.PUBLISHED, 5)).extracting(KnowledgeSearch.Hit::id)
                .first().isEqualTo(article.getId());
    }

    @Test
    void theFullTextIndexExistsAndServesTheSearchExpression() {
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'idx_knowledge_article_fts'",
                Integer.class)).isEqualTo(1);
        String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
                StringBuilder lines = new StringBuilder();
                try (var rs = statement.executeQuery("explain select id from knowledge_article where "
                        + "to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(problem, '') || ' '"
                        + " || coalesce(solution, '') || ' ' || coalesce(tags, '')) @@ to_tsquery('simple', 'toner')")) {
                    while (rs.next()) {
                        lines.append(rs.getString(1)).append('\n');
                    }
                }
                statement.execute("reset enable_seqscan");
                return lines.toString();
            }
        });
        assertThat(plan).contains("idx_knowledge_article_fts");
    }

    private KnowledgeArticle published(String title, String problem, String solution, String tags) {
        KnowledgeArticle article = new KnowledgeArticle(title, problem, solution, "P100", "TECHNICAL_FAULT", null, NOW);
        article.edit(null, null, null, tags, NOW);
        article.publish(NOW);
        return articles.saveAndFlush(article);
    }
}
