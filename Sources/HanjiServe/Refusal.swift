// Every answer other than success: a status, a Korean message for the page, and what else the
// page needs to act on it (the diagnostics of a save, who saved first).
import Foundation
import HTTPTypes
import Hummingbird

/// An HTTP refusal with a JSON body `{"error": message, …}`.
struct Refusal: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    /// More members of the body (`diagnostics`, `by`, `at`, `etag`).
    var extra: [String: JSON] = [:]
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, _ extra: [String: JSON] = [:]) {
        self.status = status
        self.message = message
        self.extra = extra
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var members = extra
        members["error"] = .string(message)
        var response = JSON.object(members).response(status: status)
        for field in headers { response.headers.append(field) }
        return response
    }

    static let notFound = Refusal(.notFound, "없는 파일입니다")
    static let loginNeeded = Refusal(.unauthorized, "로그인이 필요합니다")
}

extension HTTPResponse.Status {
    /// 507: the disk is full (or cannot be written), so nothing was saved.
    static let insufficientStorage = HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")
}
