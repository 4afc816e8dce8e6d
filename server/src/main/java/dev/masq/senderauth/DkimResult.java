package dev.masq.senderauth;

/** The outcome of one DKIM-Signature, for the signing domain it names ({@code d=}). */
public record DkimResult(String domain, Status status) {
    public enum Status { PASS, FAIL, TEMPERROR, PERMERROR }
}
