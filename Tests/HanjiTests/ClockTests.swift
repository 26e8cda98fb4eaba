// Times of day as records write them.
import HanjiModel
import Testing

@Suite("Times of day")
struct ClockTests {
    @Test("24:00 is the end of a day; 24:59, 25:00, a signed or three-digit hour is no time",
          arguments: [("24:00", true), ("23:59", true), ("9:05", true), ("24:59", false), ("25:00", false), ("+9:00", false),
                      ("-0:30", false), ("009:00", false), ("10:5", false)])
    func parses(_ text: String, _ valid: Bool) {
        #expect((Clock(text) != nil) == valid, "\(text)")
    }
}
