/// An error a user can act on: its description is one plain-English sentence naming the bad value
/// and what was expected. Every module's errors conform, so the command line (and any other front
/// door) prints them without knowing their types.
public protocol UserFacingError: Error, CustomStringConvertible {}

extension RecordError: UserFacingError {}
