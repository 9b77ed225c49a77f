package org.servicedesk.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Full-text search over the articles' title, problem, solution and tags. On PostgreSQL: the
 * GIN index of {@code V5_1__knowledge_full_text.sql} ({@code to_tsvector('simple', …)}),
 * ranked with {@code ts_rank}. On other databases (H2): LIKE per term, scored by where the
 * term occurs (title 3, tags 2, problem and solution 1 each). Either way any term may match
 * (OR); articles matching more terms rank higher; ties go to the more used article.
 */
@Service
public class KnowledgeSearch {

    public static final int MAX_QUERY_LENGTH = 200;

    private static final int MAX_TERMS = 12;

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Words too common to tell articles apart (the 'simple' configuration keeps them all). */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "at", "be", "but", "by", "does",
            "for", "from", "has", "have", "in", "is", "it", "its", "not", "of", "on", "or", "the", "this", "that",
            "to", "was", "with", "my", "no", "can", "cannot", "every", "after", "bought");

    /** Must be the expression of the index in V5_1__knowledge_full_text.sql. */
    private static final String DOCUMENT = "to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(problem, '')"
            + " || ' ' || coalesce(solution, '') || ' ' || coalesce(tags, ''))";

    private static final String COLUMNS = "id, title, solution, product, category, tags, times_used";

    private final JdbcTemplate jdbc;

    private volatile Boolean postgres;

    KnowledgeSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A hit: {@code snippet} is the start of the solution. */
    public record Hit(long id, String title, String snippet, String product, String category, String tags,
            int timesUsed, double score) {
    }

    /** The best matches of free text (a search box, or a ticket's subject and description). */
    public List<Hit> search(String text, ArticleStatus status, int limit) {
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        return isPostgres() ? fullText(terms, status, limit) : like(terms, status, limit);
    }

    private List<Hit> fullText(List<String> terms, ArticleStatus status, int limit) {
        String sql = "select " + COLUMNS + ", ts_rank(" + DOCUMENT + ", q) as score"
                + " from knowledge_article, to_tsquery('simple', ?) q"
                + " where status = ? and " + DOCUMENT + " @@ q"
                + " order by score desc, times_used desc, id limit ?";
        return jdbc.query(sql, HIT, String.join(" | ", terms), status.name(), limit);
    }

    private List<Hit> like(List<String> terms, ArticleStatus status, int limit) {
        StringBuilder score = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (String term : terms) {
            String pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            if (!score.isEmpty()) {
                score.append(" + ");
            }
            score.append("(case when lower(title) like ? escape '\\' then 3 else 0 end"
                    + " + case when lower(coalesce(tags, '')) like ? escape '\\' then 2 else 0 end"
                    + " + case when lower(problem) like ? escape '\\' then 1 else 0 end"
                    + " + case when lower(solution) like ? escape '\\' then 1 else 0 end)");
            for (int i = 0; i < 4; i++) {
                args.add(pattern);
            }
        }
        String sql = "select * from (select " + COLUMNS + ", (" + score + ") as score from knowledge_article"
                + " where status = ?) scored where score > 0 order by score desc, times_used desc, id limit ?";
        args.add(status.name());
        args.add(limit);
        return jdbc.query(sql, HIT, args.toArray());
    }

    /** Lower-case words and numbers, no stop words, at most {@value #MAX_TERMS}, in order. */
    static List<String> terms(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String word : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word) && (word.length() > 2 || !isAscii(word))) {
                terms.add(word);
            }
            if (terms.size() == MAX_TERMS) {
                break;
            }
        }
        return List.copyOf(terms);
    }

    private static boolean isAscii(String word) {
        return word.chars().allMatch(c -> c < 128);
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.getMetaData()
                    .getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql"));
            postgres = known;
        }
        return known;
    }

    private static final RowMapper<Hit> HIT = (rs, row) -> new Hit(rs.getLong("id"), rs.getString("title"),
            snippet(rs.getString("solution")), rs.getString("product"), rs.getString("category"), rs.getString("tags"),
            rs.getInt("times_used"), rs.getDouble("score"));

    static String snippet(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 160 ? flat : flat.substring(0, 157).stripTrailing() + "…";
    }
}
