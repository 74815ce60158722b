extension ErrorCode {
    /// Text that is not a multibase base32 CIDv1 with a well-formed multihash.
    public static let cidInvalid = ErrorCode("cid.invalid")
    /// A well-formed CID with a version, codec or hash this library does not accept.
    public static let cidUnsupported = ErrorCode("cid.unsupported")
}
