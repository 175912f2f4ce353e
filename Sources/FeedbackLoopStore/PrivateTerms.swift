import FeedbackLoop

/// What the privacy guard looks for, from what each engine reads: the forms of a contact's name and
/// address, and the staff names, that could appear in a text made of `words`.
package enum PrivateTerms {
    /// Adds each form of a name and address (``PersonalDetails``) whose first word is among `words`
    /// and not already in `seen`.
    package static func addForms(
        name: String?, address: String?, words: Set<String>, to terms: inout [String], seen: inout Set<String>
    ) {
        let forms = (name.map(PersonalDetails.nameForms) ?? []) + (address.map(PersonalDetails.addressForms) ?? [])
        for form in forms where words.contains(PersonalDetails.firstWord(form)) && seen.insert(form).inserted {
            terms.append(form)
        }
    }

    /// The staff names with a word among `words`.
    package static func staff(_ names: [String], words: Set<String>) -> [String] {
        names.filter { name in
            name.split(whereSeparator: { !$0.isLetter }).contains { words.contains(PersonalDetails.key(String($0))) }
        }
    }
}
