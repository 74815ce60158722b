/// Users of the core get the error type, secret bytes and primitives without a second import.
@_exported import FederationCrypto
