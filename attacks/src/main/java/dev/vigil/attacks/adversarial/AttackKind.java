package dev.vigil.attacks.adversarial;

/** The two gradient attacks. */
public enum AttackKind {
    FGSM("fgsm", "FGSM"),
    PGD("pgd", "PGD");

    private final String id;
    private final String title;

    AttackKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
