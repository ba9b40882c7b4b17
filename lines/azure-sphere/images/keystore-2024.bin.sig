factory-2023 N+1OPNQ6WaeVe49JTwnH2gJ7WiW36f4GRFm4O+G//Ubzue5/HigyJqPNRUUXBtdz9p/swWgysHgJ8Bbj9frfCg==
