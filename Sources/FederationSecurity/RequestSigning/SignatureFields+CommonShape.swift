extension SignatureFields {
    /// The one `Signature-Input` and one `Signature` line of `message` read in one pass over their bytes, when they
    /// have the common shape: one label, in RFC 8941 serialized form, `label=("c1" "c2" …);p1=v1;…` whose components
    /// are prebuilt ``ComponentIdentifier``s (no parameters, no repeats, at most
    /// ``SignatureParameters/maxComponents``), whose parameters are the profile's (`created`/`expires` canonical
    /// non-negative integers, `keyid`/`nonce`/`alg`/`tag` strings without escapes of at most
    /// ``SignatureParameters/maxParameterLength`` bytes, none repeated), and `label=:base64:` with valid base64.
    ///
    /// `nil` for anything else (and for a `label` that is not the one present): the caller then takes the general
    /// path (``init(message:)`` and ``entry(label:)``), which decides. An entry comes only from a message with one
    /// signature. Whenever this returns an entry, the general path returns the same one (`fuzz-signature-input` and
    /// `SignatureFieldsCommonShapeTests` check it), so verdicts do not depend on which path ran.
    static func commonShape(_ message: SignableMessage, label wanted: String?) -> Entry? {
        withSingleLines(message) { input, signature, _ in
            CommonShapeReader(input: input, signature: signature).read(label: wanted)
        }
    }

    /// Calls `body` with the UTF-8 of the one `Signature-Input` line and the one `Signature` line of `message` (and
    /// the `Signature-Input` line's index in ``SignableMessage/fields``); `nil` unless there is exactly one of each.
    /// The values are read in place, not copied; the `Signature-Input` line is found again by its index when a caller
    /// keeps its text (``RFC9421Verifier/Verified`` does).
    @inline(__always) static func withSingleLines<R>(
        _ message: SignableMessage,
        _ body: (_ input: UnsafeBufferPointer<UInt8>, _ signature: UnsafeBufferPointer<UInt8>, _ inputIndex: Int) -> R?
    ) -> R? {
        message.fields.withUnsafeBufferPointer { fields -> R? in
            var input = -1
            var signature = -1
            for i in fields.indices {
                let known = fields[i].known
                if known == .signatureInput {
                    guard input < 0 else { return nil }
                    input = i
                } else if known == .signature {
                    guard signature < 0 else { return nil }
                    signature = i
                }
            }
            guard input >= 0, signature >= 0 else { return nil }
            return TextBytes.withUTF8(fields[input].value) { inputBytes in
                TextBytes.withUTF8(fields[signature].value) { signatureBytes in
                    body(inputBytes, signatureBytes, input)
                }
            }
        }
    }
}
