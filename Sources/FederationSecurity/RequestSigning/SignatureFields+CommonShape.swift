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
        guard let (input, signature) = singleLines(message) else { return nil }
        return TextBytes.withUTF8(input) { inputBytes in
            TextBytes.withUTF8(signature) { signatureBytes in
                CommonShapeReader(input: inputBytes, signature: signatureBytes).read(label: wanted)
            }
        }
    }

    /// The values of the one `Signature-Input` line and the one `Signature` line of `message`; `nil` unless there is
    /// exactly one of each.
    static func singleLines(_ message: SignableMessage) -> (input: String, signature: String)? {
        // Positions first, through a buffer pointer: reading `known` in place copies (and retains) no line.
        var input = -1
        var signature = -1
        let found = message.fields.withUnsafeBufferPointer { fields -> Bool in
            for i in fields.indices {
                let known = fields[i].known
                if known == .signatureInput {
                    guard input < 0 else { return false }
                    input = i
                } else if known == .signature {
                    guard signature < 0 else { return false }
                    signature = i
                }
            }
            return input >= 0 && signature >= 0
        }
        guard found else { return nil }
        return (message.fields[input].value, message.fields[signature].value)
    }
}
