/// The differential checks behind the request-signing fast paths: whenever a one-pass reader gives an answer, the
/// general path must give the same one (`fuzz-signature-input` and `RequestSigningFastPathTests` run them).
@_spi(Fuzzing)
public enum RequestSigningFastPathDifferential {
    /// Traps when ``SignatureFields/commonShape(_:label:)`` reads an entry that the general path (the RFC 8941
    /// dictionaries, ``SignatureFields/entry(label:)``) does not read identically.
    /// - Returns: whether the fast path took the message (so tests can check that it is exercised).
    @discardableResult
    public static func checkSignatureFields(_ message: SignableMessage, label: String?) -> Bool {
        guard let fast = SignatureFields.commonShape(message, label: label) else { return false }
        let general: SignatureFields.Entry
        do {
            general = try SignatureFields(message: message).entry(label: label)
        } catch {
            preconditionFailure("fast path read what the general path rejects (\(error.code)): \(message.fields)")
        }
        precondition(fast == general, "fast and general paths read different entries: \(message.fields)")
        return true
    }

    /// Traps when the verifier's fast path (``RFC9421Verifier/fastAuthenticate(_:label:now:)``) accepts `message`
    /// with a result other than the general path's, or accepts what the general path rejects.
    /// - Returns: whether the fast path took the message.
    @discardableResult
    public static func checkAuthenticate(
        _ message: SignableMessage, label: String?, now: Int64, verifier: RFC9421Verifier
    ) -> Bool {
        guard let fast = verifier.fastAuthenticate(message, label: label, now: now) else { return false }
        let general: RFC9421Verifier.Authenticated
        do {
            general = try verifier.generalAuthenticate(message, label: label, now: now)
        } catch {
            preconditionFailure("fast path accepted what the general path rejects (\(error.code)): \(message.fields)")
        }
        precondition(fast == general, "fast and general paths accepted differently: \(message.fields)")
        precondition(fast.verified.parameters == general.verified.parameters, "parameters differ")
        return true
    }

    /// Traps when ``ContentDigest/commonShapeMatches(_:body:)`` decides `value` otherwise than
    /// ``ContentDigest/verify(_:body:)``.
    /// - Returns: whether the fast path took the value.
    @discardableResult
    public static func checkContentDigest(_ value: String, body: [UInt8]) -> Bool {
        guard let matches = ContentDigest.commonShapeMatches(value, body: body) else { return false }
        var general: ErrorCode?
        do {
            try ContentDigest.verify(value, body: body)
        } catch {
            general = error.code
        }
        precondition(
            matches ? general == nil : general == .requestDigestMismatch,
            "fast and general Content-Digest verdicts differ for \(value)")
        return true
    }
}
