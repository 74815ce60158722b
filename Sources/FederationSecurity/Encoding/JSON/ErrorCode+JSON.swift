extension ErrorCode {
    /// An object has the same key twice.
    public static let jsonDuplicateKey = ErrorCode("json.duplicate_key")
}
