// Headers on every answer, errors included: what the browser may load and run, no sniffing,
// no framing, no referrer outside, nothing of the API cached.
import HanjiRender
import Hummingbird
import HTTPTypes

/// Adds the security headers and turns a refusal into its JSON answer.
struct Headers: RouterMiddleware {
    static let policy = "default-src 'self'; img-src 'self' blob: data:; frame-ancestors 'none'; "
        + "base-uri 'none'; form-action 'self'"

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch let error as WriteError {
            // A full disk or a folder the server may not change: nothing was saved.
            response = try Refusal(.insufficientStorage, "저장하지 못했습니다: \(error.reason)")
                .response(from: request, context: context)
        } catch {
            context.logger.error("internal error: \(error)")
            response = try Refusal(.internalServerError, "서버 내부 오류입니다").response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Headers.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        if request.uri.path.hasPrefix("/api/") { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
