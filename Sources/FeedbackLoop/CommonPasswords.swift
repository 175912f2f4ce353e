/// Passwords refused however they are dressed up: a built-in list of the most common passwords
/// and the words they are built on ("password", "qwerty", "letmein"), compared without case and
/// without digits or symbols at either end ("Password2024!" is "password").
enum CommonPasswords {
    static let all: Set<String> = [
        "000000000000", "111111111111", "121212121212", "123123123123", "123456789012", "1234567890123",
        "12345678901234", "147258369147", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz2wsx", "987654321098",
        "abc123", "abcdefg123", "abcdefghijkl", "abcdefghijklm", "access", "access14", "admin", "adminadmin",
        "administrator", "amanda", "andrew", "anthony", "apple", "april", "arsenal", "asdfghjkl", "asdfghjkl123",
        "ashley", "august", "autumn", "babygirl", "baseball", "basketball", "batman", "birmingham", "changeme",
        "changemenow", "charlie", "chelsea", "computer", "correcthorsebatterystaple", "coventry", "daniel",
        "december", "doctor", "dragon", "engagement", "england", "everton", "facebook", "february", "flower",
        "football", "freedom", "friday", "george", "google", "harry", "healthwatch", "hello", "hello123",
        "helloworld", "hockey", "hospital", "hunter", "iloveyou", "iloveyou123", "iloveyoutoo", "internet", "jack",
        "january", "jennifer", "jessica", "jordan", "joshua", "july", "june", "letmein", "letmeinplease", "linkedin",
        "liverpool", "london", "lovelove", "lovely", "loveme", "manchester", "manchesterunited", "march", "master",
        "matthew", "may", "michael", "microsoft", "monday", "monkey", "mypassword", "nhs", "nhspassword", "november",
        "nurse", "october", "oliver", "p@ssw0rd", "p@ssword", "passw0rd", "password", "password1", "password123456",
        "passwordpassword", "patient", "pokemon", "princess", "princess1", "qazwsxedc", "qazwsxedcrfv", "qwerty",
        "qwerty123456", "qwertyuiop", "qwertyuiop123", "qwertyuiopasdf", "robert", "root", "samsung", "saturday",
        "secret", "secretpassword", "september", "shadow", "soccer", "spiderman", "spring", "starwars", "summer",
        "sunday", "sunshine", "superman", "thisismypassword", "thomas", "thursday", "tottenham", "trustno1",
        "trustnoone", "tuesday", "twitter", "unitedkingdom", "wednesday", "welcome", "welcome1", "welcomehome",
        "welcometo", "whatever", "william", "winter", "yourpassword", "yousaidwedid", "youtube", "yswd", "zxcvbnm",
        "zxcvbnm123",
    ]
}
