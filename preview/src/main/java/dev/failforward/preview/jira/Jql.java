package dev.failforward.preview.jira;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The shape of a JQL query, as far as the preview's issue search reads it: a tokenizer (words, quoted strings,
 * operators, parentheses, commas) and a parser for {@code clause AND clause … ORDER BY field [ASC|DESC], …}, each
 * clause {@code field operator operand} with the operand a value, a list {@code (a, b)}, a function call or
 * {@code EMPTY}. What JQL can say beyond that ({@code OR}, {@code NOT}, parentheses around clauses, history
 * operators) is refused here with a {@link JqlException} naming where; which fields, operators and values a clause may
 * use is {@link PreviewIssueSearch}'s decision, so every clause keeps its own text for the messages.
 *
 * <p>Keywords ({@code AND OR NOT IN IS EMPTY NULL ORDER BY ASC DESC}) are case-insensitive, as in Jira; so are
 * {@code &&}, {@code ||}, {@code &}, {@code |} and {@code !} for {@code AND}, {@code OR} and {@code NOT}. Strings are
 * quoted with {@code "} or {@code '}, with backslash escapes; unquoted values run to the next space or JQL symbol.
 */
public final class Jql {

    private Jql() {
    }

    /** Why a JQL query was not run: an i18n key of the preview's bundle and its arguments (a 400, as in Jira). */
    public static final class JqlException extends RuntimeException {
        private final String i18nKey;
        private final transient List<String> arguments;

        public JqlException(String i18nKey, String... arguments) {
            super(i18nKey + " " + List.of(arguments));
            this.i18nKey = i18nKey;
            this.arguments = List.of(arguments);
        }

        public String i18nKey() {
            return i18nKey;
        }

        public List<String> arguments() {
            return arguments;
        }
    }

    /** The clause operators JQL has. */
    public enum Operator {
        EQUALS("="), NOT_EQUALS("!="), GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<="),
        LIKE("~"), NOT_LIKE("!~"), IN("in"), NOT_IN("not in"), IS("is"), IS_NOT("is not");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** An operand value: its text (unquoted, escapes resolved), and whether it is a function call or EMPTY/NULL. */
    public record Value(String text, boolean function, boolean empty) {
    }

    /** {@code field operator operand}, with the clause's text as typed (for messages). */
    public record Clause(String field, Operator operator, List<Value> values, boolean list, String text) {
        public Clause {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
        }
    }

    /** {@code ORDER BY field [ASC|DESC]}: {@code ascending} is null when no direction was written. */
    public record Sort(String field, Boolean ascending, String text) {
    }

    /** The clauses (all joined by AND) and the sort fields, in order. */
    public record Query(List<Clause> clauses, List<Sort> sorts) {
        public Query {
            clauses = List.copyOf(clauses);
            sorts = List.copyOf(sorts);
        }
    }

    /** Parses the query; an empty or blank one has no clauses and no sort (every issue the user may see). */
    public static Query parse(String jql) {
        return new Parser(jql == null ? "" : jql).query();
    }

    // ----- tokens -----

    enum Type { WORD, STRING, OPERATOR, OPEN, CLOSE, COMMA, AND, OR, NOT, END }

    /** A token and where it is in the query ({@code start} inclusive, {@code end} exclusive). */
    record Token(Type type, String text, int start, int end) {
        boolean isWord(String keyword) {
            return type == Type.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    /** Characters that end an unquoted word (JQL's operators, parentheses, comma, quotes, space). */
    private static final String SYMBOLS = "=!<>~(),\"'&| \t\r\n";

    static List<Token> tokens(String jql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < jql.length()) {
            char c = jql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= jql.length()) {
                        throw new JqlException("preview.search.error.unterminated", Integer.toString(i + 1));
                    }
                    char d = jql.charAt(j);
                    if (d == c) {
                        break;
                    }
                    if (d == '\\') {
                        if (j + 1 >= jql.length()) {
                            throw new JqlException("preview.search.error.unterminated", Integer.toString(i + 1));
                        }
                        char e = jql.charAt(j + 1);
                        switch (e) {
                            case 'n' -> text.append('\n');
                            case 't' -> text.append('\t');
                            case 'r' -> text.append('\r');
                            case 'u' -> {
                                if (j + 6 > jql.length() || !jql.substring(j + 2, j + 6).matches("[0-9a-fA-F]{4}")) {
                                    throw new JqlException("preview.search.error.escape", Integer.toString(j + 1));
                                }
                                text.append((char) Integer.parseInt(jql.substring(j + 2, j + 6), 16));
                                j += 4;
                            }
                            case '"', '\'', '\\', ' ' -> text.append(e);
                            default -> throw new JqlException("preview.search.error.escape", Integer.toString(j + 1));
                        }
                        j += 2;
                    } else {
                        text.append(d);
                        j++;
                    }
                }
                tokens.add(new Token(Type.STRING, text.toString(), i, j + 1));
                i = j + 1;
            } else if (c == '(') {
                tokens.add(new Token(Type.OPEN, "(", i, ++i));
            } else if (c == ')') {
                tokens.add(new Token(Type.CLOSE, ")", i, ++i));
            } else if (c == ',') {
                tokens.add(new Token(Type.COMMA, ",", i, ++i));
            } else if (c == '&' || c == '|') {
                int length = i + 1 < jql.length() && jql.charAt(i + 1) == c ? 2 : 1;
                tokens.add(new Token(c == '&' ? Type.AND : Type.OR, jql.substring(i, i + length), i, i + length));
                i += length;
            } else if (jql.startsWith("!=", i) || jql.startsWith("!~", i) || jql.startsWith(">=", i)
                    || jql.startsWith("<=", i)) {
                tokens.add(new Token(Type.OPERATOR, jql.substring(i, i + 2), i, i + 2));
                i += 2;
            } else if (c == '!') {
                tokens.add(new Token(Type.NOT, "!", i, ++i));
            } else if (c == '=' || c == '<' || c == '>' || c == '~') {
                tokens.add(new Token(Type.OPERATOR, String.valueOf(c), i, ++i));
            } else {
                int j = i;
                while (j < jql.length() && SYMBOLS.indexOf(jql.charAt(j)) < 0) {
                    j++;
                }
                String word = jql.substring(i, j);
                Type type = word.equalsIgnoreCase("and") ? Type.AND : word.equalsIgnoreCase("or") ? Type.OR
                        : word.equalsIgnoreCase("not") ? Type.NOT : Type.WORD;
                tokens.add(new Token(type, word, i, j));
                i = j;
            }
        }
        tokens.add(new Token(Type.END, "", jql.length(), jql.length()));
        return tokens;
    }

    // ----- parser -----

    /** Words that cannot be an unquoted value or field: JQL's reserved keywords the grammar below gives a meaning. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "empty", "null", "order", "by",
            "asc", "desc", "was", "changed");

    private static final class Parser {
        private final String jql;
        private final List<Token> tokens;
        private int at;

        Parser(String jql) {
            this.jql = jql;
            this.tokens = tokens(jql);
        }

        private Token peek() {
            return tokens.get(at);
        }

        private Token next() {
            return tokens.get(at++);
        }

        Query query() {
            List<Clause> clauses = new ArrayList<>();
            if (peek().type() != Type.END && !peek().isWord("order")) {
                clauses.add(clause());
                while (true) {
                    Token joint = peek();
                    if (joint.type() == Type.AND) {
                        next();
                        clauses.add(clause());
                    } else if (joint.type() == Type.OR) {
                        throw new JqlException("preview.search.error.or", last(clauses).text());
                    } else {
                        break;
                    }
                }
            }
            List<Sort> sorts = new ArrayList<>();
            if (peek().isWord("order")) {
                next();
                if (!peek().isWord("by")) {
                    throw expecting("BY", peek());
                }
                next();
                sorts.add(sort());
                while (peek().type() == Type.COMMA) {
                    next();
                    sorts.add(sort());
                }
            }
            if (peek().type() != Type.END) {
                throw clauses.isEmpty() && sorts.isEmpty() ? expecting("a field", peek())
                        : sorts.isEmpty() ? expecting("AND, OR or ORDER BY", peek()) : expecting("',' or the end", peek());
            }
            return new Query(clauses, sorts);
        }

        private static Clause last(List<Clause> clauses) {
            return clauses.get(clauses.size() - 1);
        }

        private Clause clause() {
            Token first = peek();
            if (first.type() == Type.NOT) {
                throw new JqlException("preview.search.error.not", rest(first));
            }
            if (first.type() == Type.OPEN) {
                throw new JqlException("preview.search.error.parentheses", rest(first));
            }
            String field = fieldName();
            Operator operator = operator(first);
            List<Value> values = new ArrayList<>();
            boolean list = false;
            Token operand = peek();
            if (operand.type() == Type.OPEN) {
                next();
                list = true;
                values.add(value());
                while (peek().type() == Type.COMMA) {
                    next();
                    values.add(value());
                }
                if (peek().type() != Type.CLOSE) {
                    throw expecting("',' or ')'", peek());
                }
                next();
            } else {
                values.add(value());
            }
            return new Clause(field, operator, values, list, jql.substring(first.start(), tokens.get(at - 1).end()));
        }

        private String fieldName() {
            Token field = next();
            if (field.type() == Type.STRING || field.type() == Type.WORD && !KEYWORDS.contains(lower(field.text()))) {
                return field.text();
            }
            throw expecting("a field", field);
        }

        private Operator operator(Token clauseStart) {
            Token token = next();
            if (token.type() == Type.OPERATOR) {
                return switch (token.text()) {
                    case "=" -> Operator.EQUALS;
                    case "!=" -> Operator.NOT_EQUALS;
                    case ">" -> Operator.GREATER;
                    case ">=" -> Operator.GREATER_OR_EQUAL;
                    case "<" -> Operator.LESS;
                    case "<=" -> Operator.LESS_OR_EQUAL;
                    case "~" -> Operator.LIKE;
                    default -> Operator.NOT_LIKE;
                };
            }
            if (token.isWord("in")) {
                return Operator.IN;
            }
            if (token.type() == Type.NOT && peek().isWord("in")) {
                next();
                return Operator.NOT_IN;
            }
            if (token.isWord("is")) {
                if (peek().type() == Type.NOT) {
                    next();
                    return Operator.IS_NOT;
                }
                return Operator.IS;
            }
            if (token.isWord("was") || token.isWord("changed")) {
                throw new JqlException("preview.search.error.history", rest(clauseStart));
            }
            throw expecting("an operator (=, !=, <, >, <=, >=, ~, !~, IN, NOT IN, IS, IS NOT)", token);
        }

        private Value value() {
            Token token = next();
            if (token.type() == Type.STRING) {
                return new Value(token.text(), false, false);
            }
            if (token.type() == Type.WORD) {
                String word = lower(token.text());
                if (word.equals("empty") || word.equals("null")) {
                    return new Value(token.text(), false, true);
                }
                if (peek().type() == Type.OPEN) {
                    // a function call: read its arguments to the closing parenthesis
                    next();
                    int depth = 1;
                    while (depth > 0) {
                        Token inside = next();
                        if (inside.type() == Type.END) {
                            throw expecting("')'", inside);
                        }
                        depth += inside.type() == Type.OPEN ? 1 : inside.type() == Type.CLOSE ? -1 : 0;
                    }
                    return new Value(jql.substring(token.start(), tokens.get(at - 1).end()), true, false);
                }
                if (!KEYWORDS.contains(word)) {
                    return new Value(token.text(), false, false);
                }
            }
            throw expecting("a value", token);
        }

        private Sort sort() {
            Token first = peek();
            String field = fieldName();
            Boolean ascending = null;
            if (peek().isWord("asc")) {
                next();
                ascending = true;
            } else if (peek().isWord("desc")) {
                next();
                ascending = false;
            }
            return new Sort(field, ascending, jql.substring(first.start(), tokens.get(at - 1).end()));
        }

        /** The query from this token to its end: what a NOT or a parenthesis starts. */
        private String rest(Token from) {
            return jql.substring(from.start()).strip();
        }

        private JqlException expecting(String what, Token got) {
            return got.type() == Type.END
                    ? new JqlException("preview.search.error.expecting.end", what)
                    : new JqlException("preview.search.error.expecting", what, got.text(),
                    Integer.toString(got.start() + 1));
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
