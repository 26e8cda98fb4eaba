// Times of day as records write them.
import HanjiModel
import HanjiSpec
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

@Suite("Years in date patterns")
struct YearPatternTests {
    @Test("YYYY is four digits and YY two, for a year before 1000 too",
          arguments: [(918, "0918. 3. 1.", "18"), (5, "0005. 3. 1.", "05"), (2018, "2018. 3. 1.", "18")])
    func padded(_ year: Int, _ long: String, _ short: String) throws {
        let day = try #require(Day(year: year, month: 3, day: 1))
        #expect(Template.format(day, "YYYY. M. D.") == long)
        #expect(Template.format(day, "YY") == short)
    }
}
