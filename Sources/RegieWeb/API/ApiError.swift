import Foundation
import Hummingbird

/// The JSON error body of the API: `{"error": {"status": 400, "message": "…", "requestId": "…"}}`.
enum ApiError {
    static func response(status: HTTPResponse.Status, message: String, requestID: String) -> Response {
        let body: [String: [String: String]] = [
            "error": ["status": String(status.code), "message": message, "requestId": requestID]
        ]
        let data = (try? JSONEncoder().encode(body)) ?? Data()
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
