import Foundation
import Hummingbird

/// The JSON error body of the API: `{"error": {"status": 400, "message": "…", "requestId": "…"}}`.
enum ApiError {
    static func response(
        status: HTTPResponse.Status, message: String, requestID: String, details: [String: any Sendable] = [:]
    ) -> Response {
        var body: [String: Any] = [
            "error": ["status": String(status.code), "message": message, "requestId": requestID]
        ]
        for (key, value) in details { body[key] = value }
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
