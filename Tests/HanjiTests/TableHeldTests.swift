import Foundation
import HanjiModel
import Testing

/// A table row's cells must fit the columns that cells spanning rows from above leave free.
@Suite struct TableHeldTests {
    let language = SpecLanguageTests()

    @Test("a row with more cells than the columns a row-spanning cell leaves is an error at that row")
    func cellsUnderARowSpanCount() throws {
        let body = """
            body:
              - table:
                  columns: [8mm, 20mm, 20mm]
                  rows:
                    - cells: [{text: 결재, rows: 2}, {text: 담당}, {text: 과장}]
                    - cells: [{text: ""}, {text: ""}]
                    - cells: [{text: 가}, {text: 나}, {text: 다}]
              - table:
                  columns: [8mm, 20mm, 20mm]
                  rows:
                    - cells: [{text: 결재, rows: 3}, {text: 담당}, {text: 과장}]
                    - cells: [{text: ""}, {text: ""}]
                    - cells: [{text: ""}, {text: ""}, {text: ""}]

            """
        let error = try #require(language.specError(body))
        #expect(error.description.contains("the cells span 3 columns but a cell above holds 1 of the table's 3"),
                "\(error)")
        // The second table's third row, not the first table's (whose span ended).
        #expect(error.description.contains("body[1].table.rows[2]"), "\(error)")
    }
}
