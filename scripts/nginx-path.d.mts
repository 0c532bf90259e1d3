export declare const DEBIAN_NGINX: string;
export declare function findNginx(): string | null;
