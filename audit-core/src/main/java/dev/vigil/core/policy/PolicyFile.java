package dev.vigil.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.core.InputError;
import dev.vigil.core.audit.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a policy from YAML (format in docs/policy.md):
 * <pre>
 * name: release gate
 * fail_on_inconclusive: false
 * defaults: {severity: error, bound: value, min_count: 30}
 * rules:
 *   - clean.accuracy >= 0.90
 *   - rule: fgsm.linf.eps=8/255.robust_accuracy >= 0.40
 *     bound: lower
 *     severity: warning
 *   - {metric: drift.rotation.15.accuracy_drop, op: "<=", threshold: 0.05, min_count: 100}
 *   - rule: delta(pgd.linf.eps=2/255.robust_accuracy) >= -0.02
 *     bound: lower                 # on the paired 95% interval of the change against the baseline
 *   - no_new_failures(clean.accuracy)
 *   - rule: clean.class.cat.recall >= 0.9
 *     waived_until: 2027-01-31      # until then a failure is reported, not gating
 *     reason: cat images relabelled, retraining scheduled
 * </pre>
 * Every mistake is an {@link InputError} naming the file, the rule and the fix.
 */
public final class PolicyFile {
    /** The policy format version this Vigil reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("version", "name", "description", "fail_on_inconclusive", "defaults", "rules");
    private static final Set<String> DEFAULT_KEYS = Set.of("severity", "bound", "min_count");
    private static final Set<String> RULE_KEYS = Set.of("rule", "metric", "op", "threshold", "bound", "severity", "min_count",
            "description", "waived_until", "reason");

    private PolicyFile() {
    }

    /** A user's policy file: a rule on a metric the results lack is an input error. */
    public static Policy read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputError("The policy file " + file + " does not exist; pass a YAML policy (see docs/policy.md) with --policy.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputError("The policy file " + file + " could not be read (" + e.getMessage() + "); check its permissions.", e);
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), file.toString(), Hashing.sha256(bytes), false,
                file.getFileName().toString());
    }

    /**
     * Parses policy YAML.
     *
     * @param source                   how messages name the policy (its path)
     * @param absentMetricInconclusive true only for the bundled default policy
     * @param fallbackName             the name when the file sets none
     */
    public static Policy parse(String yaml, String source, String sha256, boolean absentMetricInconclusive, String fallbackName) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InputError("The policy file " + source + " is not valid YAML (" + e.getOriginalMessage()
                    + "); quote values that start with '>' or '<', e.g. op: \">=\".", e);
        }
        if (root == null || !root.isObject()) {
            throw new InputError("The policy file " + source + " must be a YAML mapping with a 'rules' list; see docs/policy.md.");
        }
        checkKeys(root, TOP_KEYS, "The policy file " + source);
        int version = root.path("version").asInt(VERSION);
        if (!root.path("version").isMissingNode() && (!root.get("version").canConvertToInt() || version != VERSION)) {
            throw new InputError("The policy file " + source + " has version " + root.get("version").asText()
                    + ", but this Vigil reads version " + VERSION + "; upgrade Vigil or write version: " + VERSION + ".");
        }
        String name = text(root, "name", fallbackName);
        boolean failOnInconclusive = bool(root, "fail_on_inconclusive", source);
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode() && !defaults.isObject()) {
            throw new InputError("'defaults' in the policy file " + source + " must be a mapping of severity, bound and min_count.");
        }
        if (defaults.isObject()) {
            checkKeys(defaults, DEFAULT_KEYS, "'defaults' in the policy file " + source);
        }
        JsonNode rules = root.path("rules");
        if (!rules.isArray() || rules.isEmpty()) {
            throw new InputError("The policy file " + source + " has no rules; add a 'rules' list such as '- clean.accuracy >= 0.9'.");
        }
        List<Rule> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            parsed.add(rule(rules.get(i), defaults, "Rule " + (i + 1) + " of the policy file " + source));
        }
        return new Policy(name, source, sha256, failOnInconclusive, absentMetricInconclusive, parsed);
    }

    private static Rule rule(JsonNode node, JsonNode defaults, String where) {
        String metric;
        Comparison comparison;
        double threshold;
        JsonNode options;
        try {
            if (node.isTextual()) {
                RuleText.Parts parts = RuleText.parse(node.asText());
                metric = parts.metric();
                comparison = parts.comparison();
                threshold = parts.threshold();
                options = YAML.createObjectNode();
            } else if (node.isObject()) {
                checkKeys(node, RULE_KEYS, where);
                options = node;
                if (node.has("rule")) {
                    if (node.has("metric") || node.has("op") || node.has("threshold")) {
                        throw new IllegalArgumentException("it gives both 'rule' and metric/op/threshold; use one or the other");
                    }
                    RuleText.Parts parts = RuleText.parse(node.get("rule").asText());
                    metric = parts.metric();
                    comparison = parts.comparison();
                    threshold = parts.threshold();
                } else {
                    for (String key : List.of("metric", "op", "threshold")) {
                        if (!node.hasNonNull(key)) {
                            throw new IllegalArgumentException("it lacks '" + key + "' (or give the whole rule as 'rule: METRIC OP THRESHOLD')");
                        }
                    }
                    metric = node.get("metric").asText().strip();
                    comparison = Comparison.ofSymbol(node.get("op").asText().strip());
                    if (comparison == null) {
                        throw new IllegalArgumentException("its op '" + node.get("op").asText() + "' is not one of \">=\", \">\", \"<=\", \"<\"");
                    }
                    JsonNode t = node.get("threshold");
                    threshold = t.isNumber() ? t.asDouble() : RuleText.threshold(t.asText());
                }
            } else {
                throw new IllegalArgumentException("it is neither a 'METRIC OP THRESHOLD' line nor a mapping");
            }
            Bound bound = choice(option(options, defaults, "bound", "value"), Bound.class, "bound", "value, lower, upper");
            Severity severity = choice(option(options, defaults, "severity", "error"), Severity.class, "severity", "error, warning");
            Integer minCount = minCount(options.has("min_count") ? options.get("min_count") : defaults.get("min_count"));
            String description = options.hasNonNull("description") ? options.get("description").asText() : null;
            if (metric.isEmpty()) {
                throw new IllegalArgumentException("its metric name is empty");
            }
            checkTerm(metric);
            String until = waiverDate(options);
            String reason = options.hasNonNull("reason") ? options.get("reason").asText().strip() : null;
            if (until != null && (reason == null || reason.isEmpty())) {
                throw new IllegalArgumentException("it is waived until " + until + " without a 'reason'; say why the failure is accepted");
            }
            if (until == null && reason != null) {
                throw new IllegalArgumentException("it gives a 'reason' but no 'waived_until' date; a reason belongs to a waiver");
            }
            return new Rule(metric, comparison, threshold, bound, severity, minCount, description, until, reason);
        } catch (IllegalArgumentException e) {
            throw new InputError(where + " is wrong: " + e.getMessage() + ".", e);
        }
    }

    /** A name that looks like a function call must be one of the delta terms, with a metric inside. */
    private static void checkTerm(String metric) {
        var call = DeltaTerm.CALL.matcher(metric);
        if (!call.matches()) {
            return;
        }
        if (DeltaTerm.parse(metric).isEmpty()) {
            throw new IllegalArgumentException("'" + call.group(1) + "(...)' is not a function rules know; they are delta(METRIC),"
                    + " new_failures(METRIC), new_passes(METRIC) and the rule no_new_failures(METRIC)");
        }
    }

    /** The waiver's last day as an ISO date, or null; YAML may give it as a date or as text. */
    private static String waiverDate(JsonNode options) {
        JsonNode node = options.get("waived_until");
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(node.asText().strip()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("its waived_until '" + node.asText() + "' is not a date; write YYYY-MM-DD, e.g. 2027-01-31");
        }
    }

    private static String option(JsonNode rule, JsonNode defaults, String key, String fallback) {
        if (rule.hasNonNull(key)) {
            return rule.get(key).asText();
        }
        return defaults.hasNonNull(key) ? defaults.get(key).asText() : fallback;
    }

    private static <E extends Enum<E>> E choice(String value, Class<E> type, String key, String allowed) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its " + key + " '" + value + "' is not one of " + allowed);
        }
    }

    private static Integer minCount(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0) {
            throw new IllegalArgumentException("its min_count '" + node.asText() + "' is not a whole number of samples");
        }
        return node.asInt();
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new InputError(where + " has an unknown key '" + key + "'; the keys are " + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
    }

    private static String text(JsonNode root, String key, String fallback) {
        return root.hasNonNull(key) ? root.get(key).asText() : fallback;
    }

    private static boolean bool(JsonNode root, String key, String source) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new InputError("'" + key + "' in the policy file " + source + " must be true or false, not '" + node.asText() + "'.");
        }
        return node.asBoolean();
    }
}
